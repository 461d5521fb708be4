package dev.numera.web.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up code and the style sheet go inline, each allowed by its own hash and nothing else. */
class SiteBuilderTest {
    static final String PAGE = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'\">"
            + "<script src=\"loader.js\"></script><script type=\"module\" src=\"wasm/glue.js\"></script><link rel=\"stylesheet\" href=\"css/a.css\"><p>hi";
    static final List<SiteBuilder.Inline> INLINE = List.of(SiteBuilder.Inline.script("loader.js"), SiteBuilder.Inline.moduleAsIs("wasm/glue.js"),
            SiteBuilder.Inline.style("css/a.css"));

    private static void write(Path site, String loader, String glue, String css) throws IOException {
        Files.createDirectories(site.resolve("wasm"));
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("index.html"), PAGE, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("loader.js"), loader, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("wasm/glue.js"), glue, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("wasm/other.js"), "1;", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("css/a.css"), css, StandardCharsets.UTF_8);
    }

    /** The hash a browser computes: SHA-256 of the element's text, UTF-8, Base64. */
    private static String hash(String text) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    /**
     * The icons are palette PNGs that read back as the drawing but for rare antialiased edge pixels (icon-512: 219 of 262,144, by
     * up to 29 levels in one channel), and at most 13.5 kB
     * together (ARGB at ImageIO's default compression: 20.8 kB); written over a longer file, nothing of it is left.
     */
    @Test
    void iconsArePalettePngsOfTheDrawing(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("icons"));
        Files.write(dir.resolve("icons/icon-512.png"), new byte[100_000]);   // an older, longer file: overwritten whole
        SiteBuilder.writeIcons(dir.resolve("icons"));
        long total = 0;
        for (String name : new String[] {"icon-192.png", "icon-512.png", "icon-maskable-512.png"}) {
            Path file = dir.resolve("icons/" + name);
            total += Files.size(file);
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
            assertTrue(png.getColorModel() instanceof java.awt.image.IndexColorModel, name + " is not a palette PNG");
            java.awt.image.BufferedImage drawn = SiteBuilder.icon(png.getWidth(), name.contains("maskable"));
            int off = 0, worst = 0;
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    int a = png.getRGB(x, y), b = drawn.getRGB(x, y), d = 0;
                    for (int shift = 0; shift < 32; shift += 8) d = Math.max(d, Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)));
                    off += d > 0 ? 1 : 0;
                    worst = Math.max(worst, d);
                }
            }
            assertTrue(worst <= 32 && off <= png.getWidth() * png.getHeight() / 500, name + ": " + off + " pixels off, by up to " + worst);
        }
        assertTrue(total <= 13_500, "icons " + total + " bytes");
    }

    /** The loader asks for each download by its content hash; the preload follows; a name that is not there exactly once fails. */
    @Test
    void downloadsAreAskedForByTheirHash(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("model"));
        Files.write(site.resolve("model/m.bin"), new byte[] {1, 2, 3});
        Files.writeString(site.resolve("index.html"), "<link rel=\"preload\" href=\"model/m.bin\" as=\"fetch\" crossorigin><p>hi", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("loader.js"), "xhr.open(\"GET\", \"model/m.bin\", true); // model/m.bin\n", StandardCharsets.UTF_8);
        SiteBuilder.versionUrls(site, List.of("model/m.bin"));
        byte[] d = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
        String v = String.format("%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3], d[4], d[5]);
        assertEquals("xhr.open(\"GET\", \"model/m.bin?v=" + v + "\", true); // model/m.bin\n", Files.readString(site.resolve("loader.js")));
        assertEquals("<link rel=\"preload\" href=\"model/m.bin?v=" + v + "\" as=\"fetch\" crossorigin><p>hi", Files.readString(site.resolve("index.html")));
        Files.write(site.resolve("model/m.bin"), new byte[] {1, 2, 4});
        assertFalse(SiteBuilder.versionedUrl(site, "model/m.bin").endsWith(v), "other bytes, another URL");
        // the loader no longer names it (it names the versioned URL): the build stops, naming the file
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SiteBuilder.versionUrls(site, List.of("model/m.bin")));
        assertTrue(e.getMessage().startsWith("loader.js must contain \"model/m.bin\" exactly once"), e.getMessage());
    }

    @Test
    void eachFileIsInlinedAndAllowedByItsHash(@TempDir Path site) throws Exception {
        String loader = "(function () { \"use strict\"; window.x = 'é'; }());";
        String glue = "globalThis.g = class { #p = 1; };\n";
        String css = "body { font: 16px system-ui; }";
        // the loader and the style sheet lose their comments (Minify), the glue goes in as it is
        write(site, "// the loader\n  " + loader + "  // its one line\n", glue, "/* the style */\n" + css + "\n");
        SiteBuilder.inlineAssets(site, INLINE);
        String html = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("script-src 'self' 'wasm-unsafe-eval' " + hash(loader) + " " + hash(glue) + ";"), html);
        assertTrue(html.contains("style-src 'self' " + hash(css) + ";"), html);
        assertTrue(html.contains("<script data-src=\"loader.js\">" + loader + "</script><script type=\"module\" data-src=\"wasm/glue.js\">" + glue
                + "</script><style data-src=\"css/a.css\">" + css + "</style><p>hi"), html);
        assertFalse(Files.exists(site.resolve("loader.js")), "an inlined file is not shipped twice");
        assertFalse(Files.exists(site.resolve("wasm/glue.js")));
        assertTrue(Files.exists(site.resolve("wasm/other.js")), "its folder stays while it holds other files");
        assertFalse(Files.exists(site.resolve("css")), "a folder left empty goes");
    }

    @Test
    void aPageWithoutATagOrThePolicyFailsTheBuildAndKeepsThePage(@TempDir Path site) throws IOException {
        write(site, "1;", "2;", "p {}");
        Files.writeString(site.resolve("index.html"), PAGE.replace("<script src=\"loader.js\"></script>", ""), StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineAssets(site, INLINE)).getMessage().contains("loader.js"));
        Files.writeString(site.resolve("index.html"), PAGE.replace("'wasm-unsafe-eval'", ""), StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineAssets(site, INLINE)).getMessage().contains("script-src"));
        Files.writeString(site.resolve("index.html"), PAGE.replace("style-src 'self';", ""), StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineAssets(site, INLINE)).getMessage().contains("style-src"));
        write(site, "document.write('</SCRIPT>');", "2;", "p {}");
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineAssets(site, INLINE)).getMessage().contains("</script"));
        write(site, "1;", "2;", "p::after { content: '</style>'; }");
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineAssets(site, INLINE)).getMessage().contains("</style"));
        assertEquals(PAGE, Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8), "a failed step leaves the page as it was");
        assertTrue(Files.exists(site.resolve("loader.js")) && Files.exists(site.resolve("css/a.css")), "and its files");
    }

    @Test
    void theInlinedTextIsFoundByItsFileName() {
        String html = "<script data-src=\"loader.js\">a</script><script type=\"module\" data-src=\"wasm/numera-glue.js\">b</script>";
        assertEquals("a", SiteBuilder.inlined(html, "loader.js"));
        assertEquals("b", SiteBuilder.inlined(html, "wasm/numera-glue.js"));
        assertNull(SiteBuilder.inlined(html, "css/numera.css"));
    }

    // ---- service worker ----

    private static final String SW = "const VERSION = " + SiteBuilder.VERSION_MARK + ";\nconst ASSETS = " + SiteBuilder.ASSETS_MARK + ";\n";

    /** Builds a tiny site, stamps its worker and returns the stamped worker's text. */
    private static String stamp(Path site, String model) throws IOException {
        Files.createDirectories(site.resolve("model"));
        Files.writeString(site.resolve("index.html"), SiteBuilder.PAGE_VERSION_MARK + "<p>hi", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("model/m.nmod"), model, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("sw.js"), SW, StandardCharsets.UTF_8);
        SiteBuilder.stampServiceWorker(site);
        return Files.readString(site.resolve("sw.js"), StandardCharsets.UTF_8);
    }

    private static String version(String sw) {
        int at = sw.indexOf("const VERSION = \"") + "const VERSION = \"".length();
        return sw.substring(at, sw.indexOf('"', at));
    }

    @Test
    void theWorkerPreCachesEveryFileButItselfUnderAVersionOfTheirContent(@TempDir Path a, @TempDir Path b) throws IOException {
        String sw = stamp(a, "model one");
        // "./" is the start URL a home-screen launch opens offline; the worker is never its own asset
        assertTrue(sw.contains("const ASSETS = [\n  \"./\",\n  \"index.html\",\n  \"model/m.nmod\"\n];"), sw);
        assertTrue(version(sw).matches("[0-9a-f]{12}"), sw);
        // the page carries the version it is part of (hashed with its mark, then stamped)
        assertEquals("<meta name=\"numera-version\" content=\"" + version(sw) + "\"><p>hi", Files.readString(a.resolve("index.html"), StandardCharsets.UTF_8));
        assertEquals(version(sw), version(stamp(b, "model one")), "the same files give the same version");
        assertFalse(version(sw).equals(version(stamp(b, "model two"))), "one changed byte of any file gives a new version (a new cache)");
        // same contents in the same order under another name: only the name can tell the versions apart
        Files.delete(b.resolve("model/m.nmod"));
        Files.writeString(b.resolve("model/n.nmod"), "model one", StandardCharsets.UTF_8);
        Files.writeString(b.resolve("sw.js"), SW, StandardCharsets.UTF_8);
        Files.writeString(b.resolve("index.html"), SiteBuilder.PAGE_VERSION_MARK + "<p>hi", StandardCharsets.UTF_8);
        SiteBuilder.stampServiceWorker(b);
        assertFalse(version(sw).equals(version(Files.readString(b.resolve("sw.js"), StandardCharsets.UTF_8))), "so does a renamed file");
    }

    @Test
    void aWorkerWithoutItsMarksFailsTheBuild(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("sw.js"), "const VERSION = \"dev\";", StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.stampServiceWorker(site)).getMessage().contains("marks"));
    }

    @Test
    void aPageWithoutItsVersionMarkFailsTheBuild(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("sw.js"), SW, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("index.html"), "<p>hi", StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.stampServiceWorker(site)).getMessage().contains("numera-version"));
    }
}
