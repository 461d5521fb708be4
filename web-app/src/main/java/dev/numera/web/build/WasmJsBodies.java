package dev.numera.web.build;

import org.teavm.backend.wasm.parser.AddressListener;
import org.teavm.backend.wasm.parser.CodeListener;
import org.teavm.backend.wasm.parser.CodeSectionListener;
import org.teavm.backend.wasm.parser.CodeSectionParser;
import org.teavm.backend.wasm.parser.ImportSectionListener;
import org.teavm.backend.wasm.parser.ImportSectionParser;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from a module compiled by TeaVM 0.15 for WebAssembly GC, every JavaScript function the
 * runtime would build with {@code new Function()} while the module starts: the {@code @JSBody}
 * scripts, with their parameter names. JVM only, build time.
 *
 * <p>How TeaVM 0.15 stores them (WasmGCJsoCommonGenerator.addJSBody, WasmGCStringPool): each
 * {@code @JSBody} is a global that the module's initializer sets to
 * {@code teavmJso.createFunctionN(param1, ..., paramN, script)}, where every argument is a Java
 * string constant turned into a JS string: {@code global.get $str; call $stringToJs} (the export
 * {@code teavm.stringToJs}). The string constants are immutable globals filled at start-up, in
 * order, from one data segment (LEB128 length in chars, then the chars in 1-3 bytes each) by
 * {@code global.get}s packed with {@code array.new_fixed} and passed to one init function.
 *
 * <p>Everything that does not look exactly like that fails the build: a TeaVM upgrade that changes
 * the encoding is reported here instead of at run time in a browser. The code section is decoded
 * with TeaVM's own parser (teavm-core), so every instruction TeaVM emits is understood, and every
 * instruction is recorded, so "immediately before" really means that.
 */
public final class WasmJsBodies {

    /** One {@code @JSBody}: the parameter names (imports and {@code __this__} first) and the script. */
    public record JsBody(List<String> params, String script) {
        public String key() {
            return String.join(",", params) + "|" + script;
        }
    }

    /** What the glue must provide: the distinct bodies and the names of all {@code teavmJso} function imports. */
    public record Result(List<JsBody> bodies, SortedSet<String> jsoImports) {
    }

    static final String JSO_MODULE = "teavmJso";
    static final String STRING_TO_JS = "teavm.stringToJs";
    private static final Pattern CREATE_FUNCTION = Pattern.compile("createFunction(\\d+)");

    private WasmJsBodies() {
    }

    /** An instruction as recorded: the kind (a CodeListener method name) and its first two int operands. */
    private record Insn(String kind, int a, int b) {
    }

    public static Result read(byte[] wasm) {
        Map<Integer, byte[]> sections = sections(wasm);

        // imports: function index -> "module.name" (imported functions come first in the index space)
        Map<Integer, String> importedFunctions = new HashMap<>();
        String[] entry = new String[2];
        int[] functionCount = {0};
        new ImportSectionParser(new ImportSectionListener() {
            @Override
            public void startEntry(String module, String name) {
                entry[0] = module;
                entry[1] = name;
            }

            @Override
            public void function(int typeIndex) {
                importedFunctions.put(functionCount[0]++, entry[0] + "." + entry[1]);
            }
        }).parse(AddressListener.EMPTY, require(sections, 2, "import"));
        SortedSet<String> jsoImports = new TreeSet<>();
        Map<Integer, Integer> createFunctionArity = new HashMap<>();
        for (Map.Entry<Integer, String> e : importedFunctions.entrySet()) {
            if (e.getValue().startsWith(JSO_MODULE + ".")) {
                String name = e.getValue().substring(JSO_MODULE.length() + 1);
                jsoImports.add(name);
                Matcher m = CREATE_FUNCTION.matcher(name);
                if (m.matches()) {
                    createFunctionArity.put(e.getKey(), Integer.parseInt(m.group(1)));
                }
            }
        }
        Integer stringToJs = functionExports(require(sections, 7, "export")).get(STRING_TO_JS);
        if (stringToJs == null) {
            throw fail("no exported function " + STRING_TO_JS);
        }

        // the code, every instruction of every function
        List<List<Insn>> functions = new ArrayList<>();
        CodeSectionParser code = new CodeSectionParser(new CodeSectionListener() {
            @Override
            public boolean functionStart(int index, int size) {
                functions.add(new ArrayList<>());
                return true;
            }

            @Override
            public CodeListener code() {
                return recorder(functions.get(functions.size() - 1));
            }
        });
        code.setFunctionIndexOffset(functionCount[0]);
        code.parse(AddressListener.EMPTY, require(sections, 10, "code"));

        // the string constants: the globals handed to the init function, in order, and the pool's text
        Map<Integer, Integer> packedPerCallee = new HashMap<>();
        for (List<Insn> f : functions) {
            for (int i = 0; i + 1 < f.size(); i++) {
                int n = packedGlobals(f, i);
                if (n >= 0) {
                    packedPerCallee.merge(f.get(i + 1).a(), n, Integer::sum);
                }
            }
        }
        List<List<String>> pools = new ArrayList<>();
        for (byte[] segment : dataSegments(require(sections, 11, "data"))) {
            List<String> pool = stringPool(segment);
            if (pool != null) {
                pools.add(pool);
            }
        }
        Integer initStrings = null;
        List<String> pool = null;
        for (Map.Entry<Integer, Integer> e : packedPerCallee.entrySet()) {
            for (List<String> p : pools) {
                if (p.size() == e.getValue()) {
                    if (initStrings != null) {
                        throw fail("two candidates for the string pool's init function");
                    }
                    initStrings = e.getKey();
                    pool = p;
                }
            }
        }
        if (initStrings == null) {
            throw fail("no string pool (data segment) matches the string globals (" + packedPerCallee + " vs "
                    + pools.stream().map(List::size).toList() + ")");
        }
        Map<Integer, String> stringGlobals = new HashMap<>();
        int next = 0;
        for (List<Insn> f : functions) {
            for (int i = 0; i + 1 < f.size(); i++) {
                int n = packedGlobals(f, i);
                if (n >= 0 && f.get(i + 1).a() == initStrings) {
                    for (int j = i - n; j < i; j++) {
                        stringGlobals.put(f.get(j).a(), pool.get(next++));
                    }
                }
            }
        }

        // every call of createFunctionN: N + 1 strings right before it
        Map<String, JsBody> bodies = new LinkedHashMap<>();
        int calls = 0;
        for (List<Insn> f : functions) {
            for (int i = 0; i < f.size(); i++) {
                Insn call = f.get(i);
                Integer arity = call.kind().equals("call") ? createFunctionArity.get(call.a()) : null;
                if (arity == null) {
                    continue;
                }
                calls++;
                List<String> strings = new ArrayList<>();
                for (int j = i - 2 * (arity + 1); j < i; j += 2) {
                    Insn get = j >= 0 ? f.get(j) : null;
                    Insn toJs = j >= 0 ? f.get(j + 1) : null;
                    if (get == null || !get.kind().equals("getGlobal") || !stringGlobals.containsKey(get.a())
                            || !toJs.kind().equals("call") || toJs.a() != stringToJs) {
                        throw fail("createFunction" + arity + " is not called with " + (arity + 1)
                                + " string constants; instructions before it: " + f.subList(Math.max(0, i - 2 * arity - 2), i));
                    }
                    strings.add(stringGlobals.get(get.a()));
                }
                JsBody body = new JsBody(List.copyOf(strings.subList(0, arity)), strings.get(arity));
                bodies.putIfAbsent(body.key(), body);
            }
        }
        if (calls == 0 && !createFunctionArity.isEmpty()) {
            throw fail("createFunction is imported but never called");
        }
        return new Result(List.copyOf(bodies.values()), Collections.unmodifiableSortedSet(jsoImports));
    }

    /** n >= 0 when f[i] is array.new_fixed of n elements, all pushed by the n global.gets right before, followed by a call. */
    private static int packedGlobals(List<Insn> f, int i) {
        Insn a = f.get(i);
        if (!a.kind().equals("arrayNewFixed") || !f.get(i + 1).kind().equals("call") || a.b() > i) {
            return -1;
        }
        for (int j = i - a.b(); j < i; j++) {
            if (!f.get(j).kind().equals("getGlobal")) {
                return -1;
            }
        }
        return a.b();
    }

    /** Records every callback (known or added in a later TeaVM) as one instruction; a decoding error fails. */
    private static CodeListener recorder(List<Insn> out) {
        return (CodeListener) Proxy.newProxyInstance(CodeListener.class.getClassLoader(), new Class<?>[] {CodeListener.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "recorder";
                        };
                    }
                    if (method.getName().equals("error")) {
                        throw fail("TeaVM's parser could not decode an instruction at " + args[0]);
                    }
                    int a = args != null && args.length > 0 && args[0] instanceof Integer x ? x : 0;
                    int b = args != null && args.length > 1 && args[1] instanceof Integer y ? y : 0;
                    out.add(new Insn(method.getName(), a, b));
                    return method.getReturnType() == int.class ? 0 : null;
                });
    }

    // ---- plain binary reading (sections, exports, data) ----

    private static Map<Integer, byte[]> sections(byte[] b) {
        if (b.length < 8 || b[0] != 0 || b[1] != 'a' || b[2] != 's' || b[3] != 'm') {
            throw fail("not a WebAssembly module");
        }
        Map<Integer, byte[]> out = new HashMap<>();
        int[] p = {8};
        while (p[0] < b.length) {
            int id = b[p[0]++] & 255;
            int size = leb(b, p);
            if (id != 0 && out.put(id, Arrays.copyOfRange(b, p[0], p[0] + size)) != null) {
                throw fail("section " + id + " twice");
            }
            p[0] += size;
        }
        return out;
    }

    private static byte[] require(Map<Integer, byte[]> sections, int id, String name) {
        byte[] s = sections.get(id);
        if (s == null) {
            throw fail("no " + name + " section");
        }
        return s;
    }

    private static Map<String, Integer> functionExports(byte[] s) {
        Map<String, Integer> out = new HashMap<>();
        int[] p = {0};
        int n = leb(s, p);
        for (int i = 0; i < n; i++) {
            int len = leb(s, p);
            String name = new String(s, p[0], len, StandardCharsets.UTF_8);
            p[0] += len;
            int kind = s[p[0]++];
            int index = leb(s, p);
            if (kind == 0) {
                out.put(name, index);
            }
        }
        return out;
    }

    /** The bytes of every data segment (active ones with an i32.const offset, or passive). */
    private static List<byte[]> dataSegments(byte[] s) {
        List<byte[]> out = new ArrayList<>();
        int[] p = {0};
        int n = leb(s, p);
        for (int i = 0; i < n; i++) {
            int flags = leb(s, p);
            if (flags == 2) {
                leb(s, p); // memory index
            }
            if (flags == 0 || flags == 2) {
                if (s[p[0]++] != 0x41) {
                    throw fail("data segment offset is not an i32.const");
                }
                while ((s[p[0]] & 0x80) != 0) {
                    p[0]++;
                }
                p[0]++;
                if (s[p[0]++] != 0x0b) {
                    throw fail("data segment offset expression is not a single constant");
                }
            } else if (flags != 1) {
                throw fail("data segment flags " + flags);
            }
            int len = leb(s, p);
            out.add(Arrays.copyOfRange(s, p[0], p[0] + len));
            p[0] += len;
        }
        return out;
    }

    /** The segment as TeaVM's string pool (length in chars, then each char in 1-3 bytes), or null if it is not one. */
    static List<String> stringPool(byte[] s) {
        List<String> out = new ArrayList<>();
        int[] p = {0};
        try {
            while (p[0] < s.length) {
                int len = leb(s, p);
                if (len < 0 || len > s.length - p[0]) {
                    return null;
                }
                StringBuilder sb = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    int c0 = s[p[0]++] & 255;
                    if (c0 < 0x80) {
                        sb.append((char) c0);
                    } else if ((c0 & 0xE0) == 0xC0) {
                        sb.append((char) (((c0 & 0x1F) << 6) | cont(s, p)));
                    } else if ((c0 & 0xF0) == 0xE0) {
                        int c1 = cont(s, p);
                        sb.append((char) (((c0 & 0x0F) << 12) | (c1 << 6) | cont(s, p)));
                    } else {
                        return null;
                    }
                }
                out.add(sb.toString());
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
        return p[0] == s.length ? out : null;
    }

    private static int cont(byte[] s, int[] p) {
        int c = s[p[0]++] & 255;
        if ((c & 0xC0) != 0x80) {
            throw new IllegalArgumentException("not a continuation byte");
        }
        return c & 0x3F;
    }

    private static int leb(byte[] b, int[] p) {
        int result = 0;
        int shift = 0;
        while (true) {
            int x = b[p[0]++] & 255;
            result |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    static IllegalStateException fail(String why) {
        return new IllegalStateException("numera.wasm: " + why + ". The eval-free glue (dev.numera.web.build."
                + "EvalFreeRuntime) was written for TeaVM 0.15's Wasm GC output; check it against this TeaVM version.");
    }
}
