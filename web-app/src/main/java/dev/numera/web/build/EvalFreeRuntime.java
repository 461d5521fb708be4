package dev.numera.web.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the Wasm GC path run under a Content-Security-Policy without {@code 'unsafe-eval'}.
 *
 * <p>TeaVM 0.15's Wasm GC runtime ({@code wasm-gc-runtime.min.js}, copied into the site as
 * {@code wasm/numera.wasm-runtime.js} by the plugin's copy-webassembly-gc-runtime goal) builds its
 * JSO glue with {@code new Function()} in six places: the global-name getter and setter,
 * {@code defineFunction}, {@code renameConstructor}, {@code defineMethod}, and a loop that builds
 * {@code createFunctionN} (which in turn compiles each {@code @JSBody} script from a string),
 * {@code callFunctionN}, {@code callMethodN}, {@code constructN} and {@code arrayOfN} for N = 0..31.
 *
 * <p>This step (run by {@link SiteBuilder} after TeaVM) writes {@code wasm/numera-glue.js}: the
 * same functions as plain code, including every {@code @JSBody} function of numera.wasm (read
 * from the module by {@link WasmJsBodies}), and replaces each of the six places in the runtime,
 * matched as exact text, by a call into that file. Robust by construction: every place must be
 * found exactly once, and afterwards the runtime must contain no {@code Function(} and no
 * {@code eval} at all, or the build fails; a TeaVM upgrade therefore stops the build here instead
 * of breaking the page. The browser tests then run both runtimes under the strict policy and
 * fail on any CSP violation.
 */
public final class EvalFreeRuntime {

    static final String RUNTIME = "wasm/numera.wasm-runtime.js";
    static final String MODULE = "wasm/numera.wasm";
    static final String GLUE = "wasm/numera-glue.js";
    static final String TEMPLATE = "numera-glue.js";
    static final String MARK = "/* numera: patched by the site build (EvalFreeRuntime), its JSO glue is in numera-glue.js */";
    static final String GLUE_OBJECT = "globalThis.numeraWasmGlue";

    /** One place in the minified runtime: the exact original text and what replaces it. */
    record Patch(String what, String original, String replacement) {
    }

    /**
     * The six places in TeaVM 0.15.0's wasm-gc-runtime.min.js (see the unminified wasm-gc-runtime.js
     * beside it in teavm-core), a seventh that lets load() take a module compiling already, and an
     * eighth that probes for string builtins without a trip through the compile threads.
     */
    static final List<Patch> PATCHES = List.of(
            new Patch("getGlobalName",
                    "function F(e){let t=n.get(e);if(typeof t===\"undefined\"){t=new Function(\"return \"+e+\";\");n.set(e,t)}return t()}",
                    "function F(e){return " + GLUE_OBJECT + ".getGlobal(e)}"),
            new Patch("setGlobalName",
                    "function D(e,t){new Function(\"value\",e+\" = value;\")(t)}",
                    "function D(e,t){" + GLUE_OBJECT + ".setGlobal(e,t)}"),
            new Patch("defineFunction",
                    "function S(t,e){const n=[];const r=[];for(let e=0;e<t.length;++e){const a=\"p\"+e;n.push(a);r.push(a)}"
                            + "if(e){const s=r.length-1;r[s]=\"...\"+r[s]}const o=r.join(\", \");"
                            + "return new Function(\"rethrowJavaAsJs\",\"fn\",`return function(${o}) {\n    try {\n"
                            + "        return fn(${n.join(\", \")});\n    } catch (e) {\n        rethrowJavaAsJs(e);\n    }\n};`)(j,t)}",
                    "function S(t,e){return " + GLUE_OBJECT + ".defineFunction(j,t,e)}"),
            new Patch("renameConstructor",
                    "function W(e,t){return new Function(\"constructor\",`return function ${e}(marker, javaObject) {\n"
                            + "    return constructor.call(this, marker, javaObject);\n}\n`)(t)}",
                    "function W(e,t){return " + GLUE_OBJECT + ".renameConstructor(e,t)}"),
            new Patch("defineMethod",
                    "defineMethod(e,t,n,r){const o=[];const a=[];for(let e=1;e<n.length;++e){const l=\"p\"+e;o.push(l);a.push(l)}"
                            + "if(r){const c=a.length-1;a[c]=\"...\"+a[c]}const s=a.join(\", \");"
                            + "e.prototype[t]=new Function(\"rethrowJavaAsJs\",\"fn\",`return function(${s}) {\n    try {\n"
                            + "        return fn(${[\"this\",...o].join(\", \")});\n    } catch (e) {\n        rethrowJavaAsJs(e);\n"
                            + "    }\n};`)(j,n)}",
                    "defineMethod(e,t,n,r){e.prototype[t]=" + GLUE_OBJECT + ".defineMethod(j,n,r)}"),
            new Patch("createFunctionN, bindFunctionN, callFunctionN, callMethodN, constructN, arrayOfN",
                    "const M=[];for(let e=0;e<32;++e){const C=M.length===0?\"\":M.join(\", \");const T=[...M,\"body\"].join(\", \");"
                            + "t.teavmJso[\"createFunction\"+e]=new Function(\"wrapCallFromJavaToJs\",...M,\"body\","
                            + "`return new Function('wrapCallFromJavaToJs', ${T}).bind(this, wrapCallFromJavaToJs);`).bind(null,k);"
                            + "t.teavmJso[\"bindFunction\"+e]=(e,...t)=>e.bind(null,...t);"
                            + "t.teavmJso[\"callFunction\"+e]=new Function(\"rethrowJsAsJava\",\"fn\",...M,"
                            + "`try {\n    return fn(${C});\n} catch (e) {\n    rethrowJsAsJava(e);\n}`).bind(null,x);"
                            + "t.teavmJso[\"callMethod\"+e]=new Function(\"rethrowJsAsJava\",\"getGlobalName\",\"instance\",\"method\",...M,"
                            + "`try {\n    return instance !== null\n        ? instance[method](${C})\n        : getGlobalName(method)(${C});\n"
                            + "} catch (e) {\n    rethrowJsAsJava(e);\n}`).bind(null,x,F);"
                            + "t.teavmJso[\"construct\"+e]=new Function(\"rethrowJsAsJava\",\"constructor\",...M,"
                            + "`try {\n    return new constructor(${C});\n} catch (e) {\n    rethrowJsAsJava(e);\n}`).bind(null,x);"
                            + "t.teavmJso[\"arrayOf\"+e]=new Function(...M,\"return [\"+C+\"]\");M.push(\"p\"+(e+1))}",
                    "if(typeof " + GLUE_OBJECT + "!==\"object\"){throw new Error(\"" + GLUE
                            + " is not loaded: the Wasm GC runtime takes its JavaScript glue from it\")}"
                            + GLUE_OBJECT + ".install(t.teavmJso,k,x,F)"),
            // Not about eval: load() also takes the promise of a compiled module. loader.js starts
            // compiling numera.wasm (streaming, off the main thread) while the page is still being
            // parsed, before this runtime (a deferred module script in the page) has even run.
            new Patch("compile (a module the loader already compiles)",
                    "async function J(e,t){if(typeof e!==\"string\"){",
                    "async function J(e,t){if(e instanceof Promise){return await e}if(typeof e!==\"string\"){"),
            // Not about eval either: the check for JS string builtins compiled its 70-byte probe module
            // asynchronously, a job on the compile threads and two task hops after the real module had
            // compiled, on the way to main. Compiled synchronously (allowed for modules this small) it
            // is microseconds; the answer is the same.
            new Patch("string builtins probe",
                    "try{const t=new Response(e,{headers:{\"Content-Type\":\"application/wasm\"}});"
                            + "const n=await WebAssembly.compileStreaming(t,{builtins:[\"js-string\"]});"
                            + "await WebAssembly.instantiate(n,{});return true}catch(e){return false}",
                    "try{const n=new WebAssembly.Module(e,{builtins:[\"js-string\"]});"
                            + "new WebAssembly.Instance(n,{});return true}catch(e){return false}"));

    /** Anything that compiles a string to code; none may be left in the patched runtime. */
    private static final Pattern EVAL = Pattern.compile("\\bFunction\\s*\\(|\\beval\\b|setTimeout\\s*\\(\\s*[\"'`]|setInterval\\s*\\(\\s*[\"'`]");
    /** The template's comments (each on lines of its own), not the @MARK@ placeholders. */
    private static final Pattern COMMENT = Pattern.compile("(?sm)^[ \\t]*/\\*(?!@).*?\\*/[ \\t]*\n|^[ \\t]*//[^\n]*\n");
    private static final String HEADER = "/* Numera: the JSO glue of numera.wasm as plain code, so the page needs no eval. Generated by the site"
            + " build (dev.numera.web.build.EvalFreeRuntime) from the module and web-app/src/main/resources/dev/numera/web/build/"
            + TEMPLATE + "; do not edit. */\n";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern FAMILY = Pattern.compile("(createFunction|bindFunction|callFunction|callMethod|construct|arrayOf)(\\d+)");

    private EvalFreeRuntime() {
    }

    /** Patches the runtime and writes the glue, in the site folder. */
    public static void apply(Path site) throws IOException {
        Path runtimeFile = site.resolve(RUNTIME);
        String runtime = Files.readString(runtimeFile, StandardCharsets.UTF_8);
        WasmJsBodies.Result module = WasmJsBodies.read(Files.readAllBytes(site.resolve(MODULE)));
        String glue = glue(module);
        String patched = runtime.startsWith(MARK) ? checked(runtime) : patch(runtime);
        Files.writeString(site.resolve(GLUE), glue, StandardCharsets.UTF_8);
        Files.writeString(runtimeFile, patched, StandardCharsets.UTF_8);
        System.out.println("[numera] eval-free Wasm GC glue: " + module.bodies().size() + " @JSBody functions, "
                + module.jsoImports().size() + " JSO imports; runtime patched in " + PATCHES.size() + " places");
    }

    /** The runtime with every patch applied; fails unless each original is found exactly once and no eval is left. */
    static String patch(String runtime) {
        String out = runtime;
        for (Patch p : PATCHES) {
            int at = out.indexOf(p.original());
            if (at < 0 || out.indexOf(p.original(), at + 1) >= 0) {
                throw new IllegalStateException(RUNTIME + ": the " + p.what() + " code of TeaVM 0.15.0's Wasm GC runtime was "
                        + (at < 0 ? "not found" : "found twice") + ". The TeaVM version changed? Then re-check every patch in "
                        + EvalFreeRuntime.class.getName() + " against the new wasm-gc-runtime.js (teavm-core), and numera-glue.js with it.");
            }
            out = out.substring(0, at) + p.replacement() + out.substring(at + p.original().length());
        }
        return checked(MARK + "\n" + out);
    }

    static String checked(String runtime) {
        Matcher m = EVAL.matcher(runtime);
        if (m.find()) {
            int from = Math.max(0, m.start() - 80);
            throw new IllegalStateException(RUNTIME + " still compiles code from a string after patching: …"
                    + runtime.substring(from, Math.min(runtime.length(), m.end() + 80)) + "…");
        }
        if (!runtime.contains(GLUE_OBJECT + ".install(")) {
            throw new IllegalStateException(RUNTIME + " does not call the glue");
        }
        return runtime;
    }

    /** numera-glue.js for this module: the template with the fixed-arity imports and the @JSBody functions filled in. */
    static String glue(WasmJsBodies.Result module) throws IOException {
        String template;
        try (InputStream in = EvalFreeRuntime.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " missing next to " + EvalFreeRuntime.class.getName());
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the template's comments stay in the source; the site gets one line saying where that is
        template = HEADER + COMMENT.matcher(template).replaceAll("");
        StringBuilder install = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (String name : module.jsoImports()) {
            names.add(jsString(name));
            Matcher m = FAMILY.matcher(name);
            if (m.matches()) {
                install.append("      jso.").append(name).append(" = ").append(fixedArity(m.group(1), Integer.parseInt(m.group(2)))).append(";\n");
            }
        }
        StringBuilder bodies = new StringBuilder();
        for (WasmJsBodies.JsBody b : module.bodies()) {
            List<String> params = new ArrayList<>();
            params.add("wrapCallFromJavaToJs");
            for (String p : b.params()) {
                if (!IDENTIFIER.matcher(p).matches() || p.equals("wrapCallFromJavaToJs")) {
                    throw new IllegalStateException("numera.wasm: @JSBody parameter name '" + p + "' is not a plain identifier");
                }
                params.add(p);
            }
            bodies.append("  ").append(jsString(b.key())).append(": function (").append(String.join(", ", params)).append(") {\n")
                    .append(b.script()).append("\n},\n");
        }
        String glue = fill(fill(fill(template, "/*@INSTALL@*/\n", install.toString()),
                "/*@IMPORTS@*/[]", "[" + String.join(", ", names) + "]"),
                "/*@BODIES@*/\n", bodies.toString());
        Matcher m = EVAL.matcher(glue.substring(HEADER.length()));
        if (m.find()) {
            throw new IllegalStateException(GLUE + " would compile code from a string itself (an @JSBody using eval?): …"
                    + glue.substring(HEADER.length() + Math.max(0, m.start() - 80), HEADER.length() + m.end()) + "…");
        }
        return glue;
    }

    /** The runtime's template for one arity, as plain code (the same statements it would have compiled). */
    static String fixedArity(String family, int n) {
        List<String> ps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ps.add("p" + i);
        }
        String args = String.join(", ", ps);
        String more = n == 0 ? "" : ", " + args;
        return switch (family) {
            case "createFunction" -> "function (" + args + (n == 0 ? "" : ", ") + "script) { return body([" + args + "], script); }";
            case "bindFunction" -> "function (f" + more + ") { return f.bind(null" + more + "); }";
            case "callFunction" -> "function (fn" + more + ") { try { return fn(" + args + "); } catch (e) { rethrowJsAsJava(e); } }";
            case "callMethod" -> "function (instance, method" + more + ") { try { return instance !== null ? instance[method](" + args
                    + ") : getGlobalName(method)(" + args + "); } catch (e) { rethrowJsAsJava(e); } }";
            case "construct" -> "function (constructor" + more + ") { try { return new constructor(" + args
                    + "); } catch (e) { rethrowJsAsJava(e); } }";
            case "arrayOf" -> "function (" + args + ") { return [" + args + "]; }";
            default -> throw new IllegalArgumentException(family);
        };
    }

    private static String fill(String template, String mark, String value) {
        int at = template.indexOf(mark);
        if (at < 0 || template.indexOf(mark, at + 1) >= 0) {
            throw new IllegalStateException(TEMPLATE + " must contain " + mark.trim() + " exactly once");
        }
        return template.substring(0, at) + value + template.substring(at + mark.length());
    }

    /** A JavaScript string literal (ASCII only, so the file's encoding can never matter). */
    static String jsString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
