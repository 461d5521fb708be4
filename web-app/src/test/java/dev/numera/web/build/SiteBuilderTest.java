package dev.numera.web.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader goes inline, allowed by its own hash and nothing else. */
class SiteBuilderTest {
    static final String PAGE = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">"
            + "<script src=\"loader.js\"></script><p>hi";

    @Test
    void loaderIsInlinedAndAllowedByItsHash(@TempDir Path site) throws Exception {
        String code = "(function () { \"use strict\"; window.x = 'é'; }());\n";
        Files.writeString(site.resolve("index.html"), PAGE, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("loader.js"), code, StandardCharsets.UTF_8);
        SiteBuilder.inlineLoader(site);
        String html = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        // the hash a browser computes: SHA-256 of the script element's text, UTF-8
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-" + hash + "';"), html);
        assertTrue(html.contains("<script>" + code + "</script><p>hi"), html);
        assertFalse(Files.exists(site.resolve("loader.js")), "the inlined file is not shipped twice");
    }

    @Test
    void aPageWithoutTheTagOrThePolicyFailsTheBuild(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("loader.js"), "1;", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("index.html"), PAGE.replace("<script src=\"loader.js\"></script>", ""), StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineLoader(site)).getMessage().contains("loader.js"));
        Files.writeString(site.resolve("index.html"), PAGE.replace("'wasm-unsafe-eval'", ""), StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineLoader(site)).getMessage().contains("script-src"));
        Files.writeString(site.resolve("index.html"), PAGE, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("loader.js"), "document.write('</script>');", StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalStateException.class, () -> SiteBuilder.inlineLoader(site)).getMessage().contains("</script"));
        assertEquals(PAGE, Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8), "a failed step leaves the page as it was");
    }
}
