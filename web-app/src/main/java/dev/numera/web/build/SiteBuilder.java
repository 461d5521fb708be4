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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The last build step of the site (run by exec-maven-plugin in process-classes, after TeaVM):
 * makes the Wasm GC runtime eval-free ({@link EvalFreeRuntime}: patched runtime plus
 * wasm/numera-glue.js), gives the JavaScript build's callbacks fixed-arity wrappers ({@link FixedArityCallbacks}),
 * versions the URLs of the files the loader downloads as "path?v=" + a content hash ({@link #versionUrls}),
 * puts the loader, that runtime, its glue and the style sheet inline in index.html and deletes their files
 * ({@link #inlineAssets}), draws the app icons with Java2D, stamps the service worker with the list of every
 * artefact and a version that is a hash of all of them (which the page carries too), and last fails the build if either runtime's
 * download, gzipped, is over {@link #BUDGET_GZ} ({@link #checkBudget}). Any change to code, model, page or
 * icons gives a new cache name, so a client never mixes old code with a new model. JVM only.
 */
public final class SiteBuilder {

    static final String VERSION_MARK = "/*@VERSION@*/\"dev\"";
    static final String ASSETS_MARK = "/*@ASSETS@*/[]";
    /** The page's copy of the version, so it can tell whether the offline copy is its own build (loader.js). */
    static final String PAGE_VERSION_MARK = "<meta name=\"numera-version\" content=\"dev\">";

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        EvalFreeRuntime.apply(site);
        FixedArityCallbacks.apply(site);
        versionUrls(site, VERSIONED);
        inlineAssets(site, INLINE);
        writeIcons(site.resolve("icons"));
        stampServiceWorker(site);
        checkBudget(site);
    }

    // ---- the start-up code and the style sheet, inline ----

    static final String SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval'";
    static final String STYLE_SRC = "style-src 'self'";

    /**
     * A file of the site that the build moves into index.html. {@code tag} is how the source page
     * refers to it; the inline element keeps the file's name in data-src, so tests and readers can
     * tell the pieces apart. {@code shrink} is what the file's text goes through on the way: the
     * loader and the style sheet lose their comments ({@link Minify}); TeaVM's runtime comes
     * minified and {@link EvalFreeRuntime} writes the glue without comments.
     */
    record Inline(String file, String tag, String open, String close, String directive, UnaryOperator<String> shrink) {
        static Inline script(String file) {
            return new Inline(file, "<script src=\"" + file + "\"></script>", "<script data-src=\"" + file + "\">", "</script>", SCRIPT_SRC, Minify::js);
        }

        /** A module script, inlined as it is. */
        static Inline moduleAsIs(String file) {
            return new Inline(file, "<script type=\"module\" src=\"" + file + "\"></script>",
                    "<script type=\"module\" data-src=\"" + file + "\">", "</script>", SCRIPT_SRC, UnaryOperator.identity());
        }

        static Inline style(String file) {
            return new Inline(file, "<link rel=\"stylesheet\" href=\"" + file + "\">", "<style data-src=\"" + file + "\">", "</style>", STYLE_SRC, Minify::css);
        }
    }

    /**
     * Everything the page needs before it can start, except the model and the module, goes into
     * index.html, so the first layout, the fonts it asks the browser for and the runtime's own
     * start all run while those two download, instead of after them. The loader is a classic script
     * (it starts the downloads at once); TeaVM's Wasm GC runtime and its glue are module scripts
     * (deferred, so they cost the parser nothing; and a browser too old for their syntax, or
     * HtmlUnit, skips or fails them without touching the JavaScript build's path).
     */
    static final List<Inline> INLINE = List.of(
            Inline.script("loader.js"),
            Inline.moduleAsIs(EvalFreeRuntime.GLUE),
            Inline.moduleAsIs(EvalFreeRuntime.RUNTIME),
            Inline.style("css/numera.css"));

    /**
     * Puts each of {@link #INLINE} into index.html in place of its tag, allows exactly those by
     * their SHA-256 in the page's policy (no 'unsafe-inline'), and deletes the files. Fails the
     * build, writing nothing, unless each tag and each directive is found exactly once and no file
     * could end or change the element it goes into.
     */
    static void inlineAssets(Path site, List<Inline> inline) throws IOException {
        Path index = site.resolve("index.html");
        String html = Files.readString(index, StandardCharsets.UTF_8);
        StringBuilder scriptHashes = new StringBuilder();
        StringBuilder styleHashes = new StringBuilder();
        for (Inline in : inline) {
            String code = in.shrink().apply(Files.readString(site.resolve(in.file()), StandardCharsets.UTF_8));
            String end = in.close().substring(0, in.close().length() - 1);   // "</script", "</style": any case ends the element
            if (code.toLowerCase(java.util.Locale.ROOT).contains(end) || code.contains("<!--")) {
                throw new IllegalStateException(in.file() + " contains " + end + " or <!--, which would end or change an inline element");
            }
            html = replaceOnce(html, in.tag(), in.open() + code + in.close());
            (in.directive().equals(SCRIPT_SRC) ? scriptHashes : styleHashes).append(" ").append(hash(code));
        }
        if (scriptHashes.length() > 0) html = replaceOnce(html, SCRIPT_SRC + ";", SCRIPT_SRC + scriptHashes + ";");
        if (styleHashes.length() > 0) html = replaceOnce(html, STYLE_SRC + ";", STYLE_SRC + styleHashes + ";");
        Files.writeString(index, html, StandardCharsets.UTF_8);
        for (Inline in : inline) {
            Path file = site.resolve(in.file());
            Files.delete(file);
            try (Stream<Path> left = Files.list(file.getParent())) {
                if (!file.getParent().equals(site) && left.findAny().isEmpty()) Files.delete(file.getParent());
            }
        }
    }

    /** The text of the element that {@link #inlineAssets} made of {@code file}, or null if there is none. */
    static String inlined(String html, String file) {
        for (Inline in : INLINE) {
            if (!in.file().equals(file)) continue;
            int at = html.indexOf(in.open());
            if (at < 0) return null;
            int from = at + in.open().length();
            return html.substring(from, html.indexOf(in.close(), from));
        }
        return null;
    }

    // ---- versioned URLs ----

    /**
     * The files the loader downloads. A static host or CDN may serve an old copy of one of them for a
     * while after a new build is published; the page asks for each as "path?v=" + the first 12 hex
     * digits of its SHA-256 instead, so a page only ever gets the bytes of its own build (an old
     * module would not fit the page's inline glue; an old SIMD module, whose exports Java calls by
     * position, would compute garbage rather than fail). The service worker pre-caches them under
     * the same URLs and answers only an exact match.
     */
    static final List<String> VERSIONED = List.of("model/numera.nmod", "wasm/numera.wasm", "wasm/numera-simd.wasm", "js/numera.js");

    /**
     * Rewrites each file's quoted name in loader.js, which must hold it exactly once, and its preload
     * in index.html where there is one, to {@link #versionedUrl}. Fails the build, writing nothing,
     * when a name is missing or ambiguous.
     */
    static void versionUrls(Path site, List<String> files) throws IOException {
        Path loaderFile = site.resolve("loader.js"), index = site.resolve("index.html");
        String loader = Files.readString(loaderFile, StandardCharsets.UTF_8);
        String html = Files.readString(index, StandardCharsets.UTF_8);
        for (String f : files) {
            String url = versionedUrl(site, f);
            loader = replaceOnce("loader.js", loader, "\"" + f + "\"", "\"" + url + "\"");
            String preload = "href=\"" + f + "\"";
            if (html.contains(preload)) html = replaceOnce(html, preload, "href=\"" + url + "\"");
        }
        Files.writeString(loaderFile, loader, StandardCharsets.UTF_8);
        Files.writeString(index, html, StandardCharsets.UTF_8);
    }

    /** "path?v=" and the first 12 hex digits of the SHA-256 of the file's bytes. */
    static String versionedUrl(Path site, String file) throws IOException {
        byte[] d = sha256().digest(Files.readAllBytes(site.resolve(file)));
        StringBuilder hex = new StringBuilder(file).append("?v=");
        for (int i = 0; i < 6; i++) hex.append(String.format("%02x", d[i] & 255));
        return hex.toString();
    }

    /** The CSP source for an inline element: 'sha256-' and the Base64 SHA-256 of its UTF-8 text. */
    static String hash(String code) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256().digest(code.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    private static String replaceOnce(String text, String what, String with) {
        return replaceOnce("index.html", text, what, with);
    }

    private static String replaceOnce(String file, String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0 || text.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException(file + " must contain " + what + " exactly once");
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
            } else if (a.startsWith("wasm/") && !a.equals("wasm/numera-simd.wasm")) {   // the SIMD layers serve both paths
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
        return (bytes * 10 / 1024) / 10.0 + " KiB";
    }

    // ---- icons ----

    static void writeIcons(Path dir) throws IOException {
        Files.createDirectories(dir);
        writePng(indexed(icon(192, false)), dir.resolve("icon-192.png"));
        writePng(indexed(icon(512, false)), dir.resolve("icon-512.png"));
        writePng(indexed(icon(512, true)), dir.resolve("icon-maskable-512.png"));
    }

    /**
     * The image in a palette of its 256 commonest colours (alpha included), each other pixel the nearest of them: three flat
     * colours and their antialiased edges (250-430 colours), whose rarest ones become the nearest palette colour (icon-512: 219 of 262,144 pixels, by up to 29 levels in a channel).
     * Indexed and at deflate's best, the three icons take 13.1 kB instead of 20.8 (ARGB at ImageIO's default): every
     * visitor's site weight.
     */
    static BufferedImage indexed(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int c : argb) counts.merge(c, 1, Integer::sum);
        // commonest first, ties by colour: the same palette on every build
        int[] palette = counts.keySet().stream()
                .sorted(java.util.Comparator.<Integer>comparingInt(counts::get).reversed().thenComparingInt(c -> c))
                .limit(256).mapToInt(Integer::intValue).toArray();
        byte[] r = new byte[palette.length], g = new byte[palette.length], b = new byte[palette.length], a = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            a[i] = (byte) (palette[i] >>> 24);
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new java.awt.image.IndexColorModel(8, palette.length, r, g, b, a));
        java.awt.image.WritableRaster raster = out.getRaster();
        java.util.Map<Integer, Integer> nearest = new java.util.HashMap<>();
        for (int k = 0; k < argb.length; k++) {
            raster.setSample(k % w, k / w, 0, nearest.computeIfAbsent(argb[k], c -> nearest(palette, c)));
        }
        return out;
    }

    /** The index of the palette colour nearest to c (squared distance over A, R, G and B). */
    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long d = 0;
            for (int shift = 0; shift < 32; shift += 8) {
                int e = (c >>> shift & 0xFF) - (palette[i] >>> shift & 0xFF);
                d += e * e;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** A PNG at deflate's best compression (ImageIO's default is a middle level). */
    static void writePng(BufferedImage img, Path file) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
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
        Path page = site.resolve("index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        if (!html.contains(PAGE_VERSION_MARK)) {
            throw new IllegalStateException(page + " lacks " + PAGE_VERSION_MARK);
        }
        List<String> assets = assets(site);
        // the page is hashed with its mark, then stamped with the result: it carries the version it is part of
        String version = version(site, assets);
        Files.writeString(page, html.replace(PAGE_VERSION_MARK, PAGE_VERSION_MARK.replace("\"dev\"", "\"" + version + "\"")), StandardCharsets.UTF_8);
        StringBuilder list = new StringBuilder("[\n  \"./\"");
        for (String a : assets) {   // the URLs the page asks for: a CDN that keys by URL hands over this build's bytes
            list.append(",\n  \"").append(VERSIONED.contains(a) ? versionedUrl(site, a) : a).append('"');
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
