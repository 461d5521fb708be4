package dev.numera.web.build;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last build step of the site (run by exec-maven-plugin in process-classes, after TeaVM):
 * makes the Wasm GC runtime eval-free ({@link EvalFreeRuntime}: patched runtime plus
 * wasm/numera-glue.js), puts the loader inline in index.html, draws the app icons with Java2D, then stamps the service worker with the
 * list of every artefact and a version that is a hash of all of them. Any change to code, model, page or icons gives a
 * new cache name, so a client never mixes old code with a new model. JVM only.
 */
public final class SiteBuilder {

    static final String VERSION_MARK = "/*@VERSION@*/\"dev\"";
    static final String ASSETS_MARK = "/*@ASSETS@*/[]";

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        EvalFreeRuntime.apply(site);
        inlineLoader(site);
        writeIcons(site.resolve("icons"));
        stampServiceWorker(site);
        checkBudget(site);
    }

    // ---- the loader, inline ----

    static final String LOADER = "loader.js";
    static final String LOADER_TAG = "<script src=\"" + LOADER + "\"></script>";
    static final String SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval'";

    /**
     * Puts loader.js into index.html as an inline script and allows exactly that script by its
     * SHA-256 in the page's policy (no 'unsafe-inline'): the loader starts every download the
     * app needs, so as a file of its own it cost a round trip before any of them could begin.
     * Fails the build unless the tag and the policy's script-src are found exactly once.
     */
    static void inlineLoader(Path site) throws IOException {
        Path index = site.resolve("index.html");
        Path loader = site.resolve(LOADER);
        String html = Files.readString(index, StandardCharsets.UTF_8);
        String code = Files.readString(loader, StandardCharsets.UTF_8);
        if (code.contains("</script") || code.contains("<!--")) {
            throw new IllegalStateException(LOADER + " contains </script or <!--, which would end or change an inline script");
        }
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(sha256().digest(code.getBytes(StandardCharsets.UTF_8))) + "'";
        html = replaceOnce(html, LOADER_TAG, "<script>" + code + "</script>");
        html = replaceOnce(html, SCRIPT_SRC + ";", SCRIPT_SRC + " " + hash + ";");
        Files.writeString(index, html, StandardCharsets.UTF_8);
        Files.delete(loader);
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0 || text.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException("index.html must contain " + what + " exactly once");
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    /** A new SHA-256 digest (every JVM has one). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- size budget ----

    /** The whole site a visitor downloads, gzipped, per runtime path; the build fails above this. */
    static final int BUDGET_GZ = 200 * 1024;

    static void checkBudget(Path site) throws IOException {
        long common = 0;
        long js = 0;
        long wasm = 0;
        for (String a : assets(site)) {
            long gz = gzipSize(Files.readAllBytes(site.resolve(a)));
            if (a.startsWith("js/")) {
                js += gz;
            } else if (a.startsWith("wasm/")) {
                wasm += gz;
            } else {
                common += gz;
            }
        }
        common += gzipSize(Files.readAllBytes(site.resolve("sw.js")));
        System.out.println("[numera] site gzipped: JavaScript path " + kb(common + js) + ", Wasm GC path " + kb(common + wasm)
                + " (shared " + kb(common) + ", budget " + kb(BUDGET_GZ) + " each)");
        if (common + js > BUDGET_GZ || common + wasm > BUDGET_GZ) {
            throw new IllegalStateException("the site is over its size budget of " + kb(BUDGET_GZ) + " gzipped");
        }
    }

    static long gzipSize(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return out.size();
    }

    private static String kb(long bytes) {
        return (bytes * 10 / 1024) / 10.0 + " KB";
    }

    // ---- icons ----

    static void writeIcons(Path dir) throws IOException {
        Files.createDirectories(dir);
        ImageIO.write(icon(192, false), "png", dir.resolve("icon-192.png").toFile());
        ImageIO.write(icon(512, false), "png", dir.resolve("icon-512.png").toFile());
        ImageIO.write(icon(512, true), "png", dir.resolve("icon-maskable-512.png").toFile());
    }

    /**
     * A hand-drawn "7" on an ink-blue tile. No fonts: headless build machines may have none.
     * Maskable icons fill the square and keep the glyph inside the central 80% safe zone.
     */
    static BufferedImage icon(int size, boolean maskable) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(0x1d3557));
        if (maskable) {
            g.fillRect(0, 0, size, size);
        } else {
            double r = size * 0.22;
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, r, r));
        }
        double s = maskable ? size * 0.62 : size * 0.78; // glyph box
        double o = (size - s) / 2;
        g.setColor(new Color(0xf1faee));
        g.setStroke(new BasicStroke((float) (s * 0.13), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D seven = new Path2D.Double();
        seven.moveTo(o + s * 0.22, o + s * 0.22);
        seven.lineTo(o + s * 0.78, o + s * 0.22);
        seven.curveTo(o + s * 0.62, o + s * 0.42, o + s * 0.50, o + s * 0.60, o + s * 0.44, o + s * 0.82);
        g.draw(seven);
        g.setColor(new Color(0xe63946));
        double d = s * 0.13;
        g.fill(new java.awt.geom.Ellipse2D.Double(o + s * 0.80 - d / 2, o + s * 0.78 - d / 2, d, d));
        g.dispose();
        return img;
    }

    // ---- service worker ----

    static void stampServiceWorker(Path site) throws IOException {
        Path sw = site.resolve("sw.js");
        String template = Files.readString(sw, StandardCharsets.UTF_8);
        if (!template.contains(VERSION_MARK) || !template.contains(ASSETS_MARK)) {
            throw new IllegalStateException(sw + " lacks the " + VERSION_MARK + " / " + ASSETS_MARK + " marks");
        }
        List<String> assets = assets(site);
        String version = version(site, assets);
        StringBuilder list = new StringBuilder("[\n  \"./\"");
        for (String a : assets) {
            list.append(",\n  \"").append(a).append('"');
        }
        list.append("\n]");
        String out = template.replace(VERSION_MARK, "\"" + version + "\"").replace(ASSETS_MARK, list);
        Files.writeString(sw, out, StandardCharsets.UTF_8);
        System.out.println("[numera] site " + site + ": " + assets.size() + " artefacts, cache version " + version);
    }

    /** Every file of the site except the worker itself, as sorted relative URLs. */
    static List<String> assets(Path site) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile)
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("sw.js"))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    static String version(Path site, List<String> assets) {
        try {
            MessageDigest sha = sha256();
            for (String a : assets) {
                sha.update(a.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(site.resolve(a)));
            }
            byte[] h = sha.digest();
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(Character.forDigit((h[i] >> 4) & 15, 16)).append(Character.forDigit(h[i] & 15, 16));
            }
            return hex.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
