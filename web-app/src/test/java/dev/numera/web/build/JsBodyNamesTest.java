package dev.numera.web.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TeaVM's JavaScript build renames a {@code @JSBody} script's parameters to b, c, d... in their order (the built
 * numera.js: {@code Nu=b=>{...}}) and leaves the script's own names alone; a local, a catch variable or an inner
 * function's parameter named like one of those then hides that parameter, in the JavaScript build only (the Wasm GC
 * build keeps the names). That happened twice: the result card's observer watched document.body ({@code var b}), and
 * "Open a picture" lost its size and its callback ({@code var c}, {@code catch (e)}). This reads every script in
 * web-app's sources and fails on such a name.
 */
class JsBodyNamesTest {
    private static final Pattern BODY = Pattern.compile("@JSBody\\((.*?)\\)\\s*(?:public |private |protected )?(?:static )?native ", Pattern.DOTALL);
    private static final Pattern PARAMS = Pattern.compile("params\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Names a script declares: var/let/const, catch (x), function (x, y) and function f(x). */
    private static final Pattern DECLARED = Pattern.compile("\\b(?:var|let|const)\\s+([A-Za-z_$][\\w$]*)|\\bcatch\\s*\\(\\s*([A-Za-z_$][\\w$]*)"
            + "|\\bfunction\\s*[\\w$]*\\s*\\(([^)]*)\\)|,\\s*([A-Za-z_$][\\w$]*)\\s*=(?!=)");

    @Test
    void noScriptNamesALocalAsTeaVmRenamesItsParameters() throws IOException {
        List<String> clashes = new ArrayList<>();
        int scripts = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = BODY.matcher(Files.readString(f));
                while (m.find()) {
                    scripts++;
                    String head = m.group(1);
                    int n = 0;
                    Matcher p = PARAMS.matcher(head);
                    if (p.find()) {
                        Matcher names = LITERAL.matcher(p.group(1));
                        while (names.find()) n++;
                    }
                    int at = head.indexOf("script");
                    StringBuilder script = new StringBuilder();
                    Matcher lit = LITERAL.matcher(at < 0 ? "" : head.substring(at));
                    while (lit.find()) script.append(lit.group(1));
                    for (String name : declared(script.toString())) {
                        if (name.length() == 1 && name.charAt(0) >= 'b' && name.charAt(0) < 'b' + n) {
                            clashes.add(f.getFileName() + ": '" + name + "' in a script of " + n + " parameter(s): " + script);
                        }
                    }
                }
            }
        }
        assertTrue(scripts > 50, "scripts found: " + scripts);
        assertEquals(List.of(), clashes);
    }

    static List<String> declared(String script) {
        List<String> out = new ArrayList<>();
        Matcher d = DECLARED.matcher(script);
        while (d.find()) {
            for (int g = 1; g <= 4; g++) {
                if (d.group(g) == null) continue;
                for (String name : d.group(g).split(",")) {
                    if (!name.isBlank()) out.add(name.strip());
                }
            }
        }
        return out;
    }

    /** The rule sees what it is for: the two names that hid a parameter, and none in plain code. */
    @Test
    void theDeclarationsItFinds() {
        assertEquals(List.of("b", "es"), declared("var b = document.body; new IntersectionObserver(function (es) { });"));
        assertEquals(List.of("url", "c", "e"), declared("var url = 1; var c = 2; try { } catch (e) { }"));
        assertEquals(List.of("t", "st"), declared("var t = s.getVideoTracks(); var st = t.length ? 1 : {};"));
        assertEquals(List.of("v", "x"), declared("var v = 1, x = 2; if (v == x) { }"));
    }
}
