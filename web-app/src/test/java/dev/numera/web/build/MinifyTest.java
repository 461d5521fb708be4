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

    /**
     * The rules as the parser prints them. It keeps an at-rule it does not know ({@code @container}) as its source text,
     * indentation included: runs of white space count as one, so a space taken out (".a .b" made ".a.b") still shows.
     */
    private static String cssTree(String css) throws IOException {
        CSSRuleListImpl rules = new CSSOMParser(new CSS3Parser()).parseStyleSheet(new InputSource(new StringReader(css)), null).getCssRules();
        return rules.toString().replaceAll("\\s+", " ");
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
        assertEquals("p {}\na{}", Minify.css("p {}\n/* a\n b */\na{}"));
        assertEquals("a{background:url(//x/y.png)}", Minify.css("a{background:url(//x/y.png)}"), "'//' is no comment in CSS");
    }

    /** A comment between two tokens: a blank in JavaScript ("a- -b", not "a--b"); refused in CSS, where it is no blank. */
    @Test
    void aCommentBetweenTwoTokensKeepsThemApart() {
        String code = "var a = 1, b = 2, c = a-/**/-b, d = a+/* x */+b;";
        assertEquals("var a = 1, b = 2, c = a- -b, d = a+ +b;", Minify.js(code));
        assertEquals(jsTree(code), jsTree(Minify.js(code)));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.css("div/**/.x { color: red }")).getMessage().contains("between two tokens"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.css("a/* c */:hover { color: red }")).getMessage().contains("between two tokens"));
        // with a blank beside it the comment goes (HtmlUnit's parser drops a rule with a comment in its selector, so no tree here)
        assertEquals("div   .x { color: red }", Minify.css("div /* the box */ .x { color: red }"));
    }

    /** In an unquoted url() "/*" is part of the address; in a selector an escaped quote opens no string. */
    @Test
    void urlsAndEscapesAreCopiedAsTheyAre() throws IOException {
        String css = ".a { background: url(img/*.png) } /* note */ .b { color: red }\n.it\\'s { color: blue }";
        assertEquals(".a { background: url(img/*.png) }   .b { color: red }\n.it\\'s { color: blue }", Minify.css(css));
        assertEquals(cssTree(css), cssTree(Minify.css(css)));
    }

    @Test
    void whatItCannotStripSafelyFailsTheBuild() {
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("var t = `a\n// b`;")).getMessage().contains("template literal at line 1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("var s = 'a\\\n  // b';")).getMessage().contains("line break"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x;\nvar s = 'a")).getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x = 1; /* open")).getMessage().contains("unterminated comment"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x = (/ab;\n")).getMessage().contains("regular expression"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.css("p { content: 'a }")).getMessage().contains("string"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("x = /a\\\nb/;")).getMessage().contains("regular expression continued"));
        // a JavaScript line also ends at a lone CR, U+2028 and U+2029: a // comment there would swallow the next line
        for (String end : new String[] {"\r", "\u2028", "\u2029"}) {
            assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js("var x = 0; // note" + end + "x = 1;")).getMessage().contains("line break U+"));
        }
        assertEquals("a;\nb;", Minify.js("a; // one\r\nb;\r\n"), "CRLF is a line end like LF");
    }

    /**
     * After ")" or "}" a slash divides or starts a regular expression, and after "++" or "--" it divides:
     * only a parser can tell, and a wrong guess swallowed code ("if (ok) /\/\//.test(u)" lost the rest of
     * its line to a "//" comment; "i++ / 2 + '/*'" read a regular expression up to the next slash).
     */
    @Test
    void aSlashThatMayDivideOrStartARegularExpressionFailsTheBuild() {
        for (String code : new String[] {"if (ok) /\\/\\//.test(u) && go();", "x = (a + b) / 2;", "x = i++ / 2 + \"/*\";",
                "y = i-- / 2;", "o = {} / 2;"}) {
            assertTrue(assertThrows(IllegalStateException.class, () -> Minify.js(code)).getMessage().contains("cannot tell a regular expression"), code);
        }
        assertEquals("x = a / b / 2; y = a[1] / 2;", Minify.js("x = a / b / 2; y = a[1] / 2;"), "after a name, a number or ']' it divides");
    }
}
