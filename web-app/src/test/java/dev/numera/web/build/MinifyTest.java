package dev.numera.web.build;

import org.htmlunit.corejs.javascript.CompilerEnvirons;
import org.htmlunit.corejs.javascript.Context;
import org.htmlunit.corejs.javascript.Parser;
import org.htmlunit.cssparser.dom.CSSRuleListImpl;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes inline loses comments and indentation and nothing else. The oracle is independent of
 * Minify's own scanner: HtmlUnit's JavaScript parser (Rhino) and its CSS parser read source and result,
 * and the trees they print must be equal.
 */
class MinifyTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();   // tests run in web-app/

    /** The program as Rhino parses it, printed back: comments and layout gone, every token and every automatic semicolon kept. */
    private static String jsTree(String code) {
        CompilerEnvirons env = new CompilerEnvirons();
        env.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        env.setRecordingComments(false);
        return new Parser(env).parse(code, "test.js", 1).toSource();
    }

    private static String cssTree(String css) throws IOException {
        CSSRuleListImpl rules = new CSSOMParser(new CSS3Parser()).parseStyleSheet(new InputSource(new StringReader(css)), null).getCssRules();
        return rules.toString();
    }

    @Test
    void theLoaderParsesToTheSameProgram() throws IOException {
        String loader = Files.readString(ROOT.resolve("src-webapp/loader.js"), StandardCharsets.UTF_8);
        String small = Minify.js(loader);
        assertEquals(jsTree(loader), jsTree(small));
        assertTrue(small.length() < loader.length() * 0.7, "comments are most of the loader: " + small.length() + " of " + loader.length());
        assertFalse(small.contains("\n\n") || small.contains("\n "), "no blank lines, no indentation");
    }

    @Test
    void theStyleSheetParsesToTheSameRules() throws IOException {
        String css = Files.readString(ROOT.resolve("src-webapp/css/numera.css"), StandardCharsets.UTF_8);
        String small = Minify.css(css);
        assertEquals(cssTree(css), cssTree(small));
        assertTrue(cssTree(css).length() > 2000, "the parser read the rules");
        assertFalse(small.contains("/*"));
    }

    @Test
    void stringsAndRegularExpressionsKeepWhatLooksLikeComments() {
        String code = """
                var a = "http://x/*y*/"; // a comment
                var b = 'it\\'s // not';   /* one */ var c = /[/*]\\/\\//g.test(a);
                var d = a.length / 2 / 1; // division, twice
                function f() { return /^[0-9a-f]{12}$/.test(a) && /x/.test(b); }
                """;
        String small = Minify.js(code);
        assertEquals("""
                var a = "http://x/*y*/";
                var b = 'it\\'s // not';     var c = /[/*]\\/\\//g.test(a);
                var d = a.length / 2 / 1;
                function f() { return /^[0-9a-f]{12}$/.test(a) && /x/.test(b); }""", small);
        assertEquals(jsTree(code), jsTree(small));
    }

    /** A comment that held a line break leaves one: "a \n b" is two statements, "a b" none. */
    @Test
    void aBlockCommentOverLinesKeepsTheLineBreakThatEndsAStatement() {
        String code = "var x = 1\n/* one\n two */ var y = x\n++x";
        String small = Minify.js(code);
        assertEquals("var x = 1\nvar y = x\n++x", small);
        assertEquals(jsTree(code), jsTree(small));
        assertEquals("p{}\na{}", Minify.css("p{}/* a\n b */a{}"));
        assertEquals("a{background:url(//x/y.png)}", Minify.css("a{background:url(//x/y.png)}"), "'//' is no comment in CSS");
    }

    @Test
    void whatItCannotStripSafelyFailsTheBuild() {
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("var t = `a\n// b`;")).getMessage().contains("template literal at line 1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("var s = 'a\\\n  // b';")).getMessage().contains("line break"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x;\nvar s = 'a")).getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x = 1; /* open")).getMessage().contains("unterminated comment"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x = (/ab;\n")).getMessage().contains("regular expression"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.css("p { content: 'a }")).getMessage().contains("string"));
    }
}
