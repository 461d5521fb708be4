package dev.numera.web.build;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build step that takes eval out of the Wasm GC runtime: the patch, its failure modes, and the built site. */
class EvalFreeRuntimeTest {

    /** TeaVM's runtime as shipped in teavm-core, exactly what the plugin copies into the site. */
    static String pristineRuntime() throws IOException {
        try (InputStream in = EvalFreeRuntimeTest.class.getClassLoader()
                .getResourceAsStream("org/teavm/backend/wasm/wasm-gc-runtime.min.js")) {
            assertTrue(in != null, "teavm-core's wasm-gc-runtime.min.js is on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void everyPlaceIsPatchedAndNoEvalIsLeft() throws IOException {
        String runtime = pristineRuntime();
        assertEquals(11, count(runtime, "new Function("), "the shipped runtime compiles code in 11 spots");
        String patched = EvalFreeRuntime.patch(runtime);
        assertTrue(patched.startsWith(EvalFreeRuntime.MARK));
        for (EvalFreeRuntime.Patch p : EvalFreeRuntime.PATCHES) {
            assertEquals(1, count(patched, p.replacement()), p.what());
        }
        assertEquals(1, count(patched, "globalThis.numeraWasmGlue.install(t.teavmJso,k,x,F)"));
    }

    @Test
    void aRuntimeThatChangedFailsTheBuildNamingThePlace() throws IOException {
        String runtime = pristineRuntime();
        for (EvalFreeRuntime.Patch p : EvalFreeRuntime.PATCHES) {
            String changed = runtime.replace(p.original(), p.original().charAt(0) + "/**/" + p.original().substring(1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EvalFreeRuntime.patch(changed));
            assertTrue(e.getMessage().contains("the " + p.what() + " code") && e.getMessage().contains("not found"), e.getMessage());
            String twice = runtime + ";" + p.original();
            e = assertThrows(IllegalStateException.class, () -> EvalFreeRuntime.patch(twice));
            assertTrue(e.getMessage().contains("found twice"), e.getMessage());
        }
    }

    @Test
    void anyOtherWayToCompileAStringFailsTheBuild() throws IOException {
        String runtime = pristineRuntime();
        for (String extra : List.of("var f=Function(\"return 1\");", "eval(\"1\");", "setTimeout(\"go()\",1);", "new Function (\"a\",\"b\");")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EvalFreeRuntime.patch(runtime + extra));
            assertTrue(e.getMessage().contains("still compiles code from a string"), e.getMessage());
        }
    }

    @Test
    void theStringPoolIsDecodedAsTeaVMWritesIt() {
        // "aé€" (1, 2 and 3 bytes per char), "" and "x"
        byte[] pool = {3, 'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, 0, 1, 'x'};
        assertEquals(List.of("a\u00e9\u20ac", "", "x"), WasmJsBodies.stringPool(pool));
        assertNull(WasmJsBodies.stringPool(new byte[] {5, 'a'}), "cut short");
        assertNull(WasmJsBodies.stringPool(new byte[] {1, (byte) 0xC3, 'a'}), "bad continuation byte");
        assertNull(WasmJsBodies.stringPool(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 7, 'a'}), "absurd length");
    }

    @Test
    void aModuleWithoutTheExpectedShapeIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WasmJsBodies.read(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
        assertTrue(e.getMessage().contains("no import section"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> WasmJsBodies.read("not wasm".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void jsStringsAreAsciiAndEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u2028\\u00e9\\u0001\"", EvalFreeRuntime.jsString("a\"b\\c\nd\u2028\u00e9\u0001"));
    }

    @Test
    void fixedArityFunctionsAreTheRuntimeTemplates() {
        assertEquals("function (instance, method, p1, p2) { try { return instance !== null ? instance[method](p1, p2)"
                + " : getGlobalName(method)(p1, p2); } catch (e) { rethrowJsAsJava(e); } }", EvalFreeRuntime.fixedArity("callMethod", 2));
        assertEquals("function (script) { return body([], script); }", EvalFreeRuntime.fixedArity("createFunction", 0));
        assertEquals("function (p1) { return [p1]; }", EvalFreeRuntime.fixedArity("arrayOf", 1));
    }

    /** The site this build made: glue inline in the page, with every @JSBody of the module and nothing compiled from strings. */
    @Test
    void theBuiltSiteCarriesTheGlueForItsModule() throws IOException {
        Path site = Path.of(System.getProperty("numera.site.dir", "target/site"));
        Assumptions.assumeTrue(Files.isRegularFile(site.resolve(EvalFreeRuntime.MODULE)), "skipped: no built site");
        String page = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        String glue = SiteBuilder.inlined(page, EvalFreeRuntime.GLUE);
        String runtime = SiteBuilder.inlined(page, EvalFreeRuntime.RUNTIME);
        assertNotNull(glue, "the glue is inline in index.html");
        assertNotNull(runtime, "the runtime is inline in index.html");
        assertFalse(Files.exists(site.resolve(EvalFreeRuntime.GLUE)) || Files.exists(site.resolve(EvalFreeRuntime.RUNTIME)), "and not shipped twice");
        assertTrue(runtime.startsWith(EvalFreeRuntime.MARK));
        EvalFreeRuntime.checked(runtime);

        WasmJsBodies.Result module = WasmJsBodies.read(Files.readAllBytes(site.resolve(EvalFreeRuntime.MODULE)));
        assertTrue(module.bodies().size() >= 10, module.bodies().toString());
        for (WasmJsBodies.JsBody b : module.bodies()) {
            assertTrue(glue.contains(EvalFreeRuntime.jsString(b.key()) + ": function (wrapCallFromJavaToJs"
                    + (b.params().isEmpty() ? "" : ", " + String.join(", ", b.params())) + ") {\n" + b.script() + "\n},"), b.key());
        }
        // one the app relies on: Media.constraints (rear camera preferred unless a device is named)
        assertTrue(module.bodies().stream().anyMatch(b -> b.params().equals(List.of("deviceId"))
                && b.script().contains("facingMode") && b.script().contains("environment")), module.bodies().toString());
        Matcher imports = Pattern.compile("imports: \\[([^\\]]*)\\]").matcher(glue);
        assertTrue(imports.find());
        assertEquals(module.jsoImports().stream().map(EvalFreeRuntime::jsString).toList(), List.of(imports.group(1).split(", ")));
        assertTrue(module.jsoImports().contains("createFunction1") && module.jsoImports().contains("callMethod1"), module.jsoImports().toString());
        assertFalse(Pattern.compile("\\beval\\b|\\bFunction\\s*\\(").matcher(glue.substring(glue.indexOf("*/") + 2)).find());
    }
}
