package dev.numera.web.simd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed src-webapp/wasm/numera-simd.wasm is what build.sh makes of numera_simd.c, and its shape
 * is what the loader and SimdLayers rely on. Its numbers are checked in Chromium
 * (ChromiumAppTest: window.numera.checkKernels against the direct loops, and the app's probabilities).
 */
class SimdModuleTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();   // tests run in web-app/
    static final Path MODULE = ROOT.resolve("src-webapp/wasm/numera-simd.wasm");
    static final Path SOURCE = ROOT.resolve("web-app/src/main/c");

    @Test
    void theCommittedModuleIsBuiltFromTheSource(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("clang") && onPath("wasm-ld"),
                "skipped: clang and wasm-ld not installed (apt-get install clang lld; .ci/run installs them)");
        Path out = tmp.resolve("numera-simd.wasm");
        Process p = new ProcessBuilder("sh", SOURCE.resolve("build.sh").toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "build.sh did not finish");
        assertEquals(0, p.exitValue(), "build.sh failed:\n" + log);
        assertArrayEquals(Files.readAllBytes(MODULE), Files.readAllBytes(out),
                "src-webapp/wasm/numera-simd.wasm is not what web-app/src/main/c/build.sh makes of numera_simd.c: run build.sh and commit");
    }

    /**
     * Sections by id: imports only env.memory (the Java module's in Wasm GC, one the loader makes for it in
     * the JavaScript build), exports the four functions, and no data section and no memory of its own, so
     * nothing it holds can land on the Java heap it shares in Wasm GC.
     */
    @Test
    void theModuleImportsOnlyItsMemoryAndHasNoDataOrMemoryOfItsOwn() throws IOException {
        byte[] b = Files.readAllBytes(MODULE);
        assertArrayEquals(new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0}, java.util.Arrays.copyOf(b, 8));
        List<Integer> ids = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        int[] at = {8};
        while (at[0] < b.length) {
            int id = b[at[0]++];
            int size = leb(b, at);
            int end = at[0] + size;
            ids.add(id);
            if (id == 2) {                        // imports: the first one's module.name:kind, and how many
                int count = leb(b, at);
                imports.add(name(b, at) + "." + name(b, at) + ":" + b[at[0]] + (count == 1 ? "" : " and " + (count - 1) + " more"));
            } else if (id == 7) {                 // exports: name:kind, kind 0 = function
                int count = leb(b, at);
                for (int i = 0; i < count; i++) {
                    exports.add(name(b, at) + ":" + b[at[0]++]);
                    leb(b, at);
                }
            }
            at[0] = end;
        }
        assertEquals(List.of("env.memory:2"), imports);   // kind 2 = memory
        assertEquals(List.of("conv2d_implicit:0", "winograd_weights:0", "conv2d_winograd:0", "dense:0"), exports);
        assertTrue(!ids.contains(11) && !ids.contains(5), "no data and no memory section: " + ids);
    }

    private static int leb(byte[] b, int[] at) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[at[0]++];
            v |= (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }

    private static String name(byte[] b, int[] at) {
        int n = leb(b, at);
        String s = new String(b, at[0], n, java.nio.charset.StandardCharsets.UTF_8);
        at[0] += n;
        return s;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
