package dev.numera.web.build;

/**
 * Comments and indentation out of the scripts and the style sheet that go inline in index.html: the
 * loader's and the style sheet's comments are about half their bytes (loader 6.2 -> 3.4 kB gzipped,
 * style sheet 3.8 -> 2.2 kB), and every byte of the page is parsed before the app can start. The sources
 * keep their comments; only the built page loses them.
 *
 * <p>Deliberately not a minifier: no renaming, no joining of lines. Line breaks stay where they were
 * (a removed block comment that spanned lines leaves one), so JavaScript's automatic semicolons fall
 * exactly as in the source, and each line loses only its leading and trailing blanks. That is safe
 * wherever no string spans lines; what this scanner cannot read for certain fails the build instead
 * of shipping changed code: a template literal, a string or regular expression continued over a line
 * break, anything unterminated, a line end other than LF or CRLF, a JavaScript slash that may be a
 * division or a regular expression, a CSS comment touching a token on both sides.
 * Independent check: the tests parse source and result with Rhino and compare the trees.
 */
final class Minify {
    private Minify() {
    }

    /** JavaScript (the ES5 subset the loader uses: no template literals). */
    static String js(String code) {
        return strip(code, true);
    }

    /** CSS: block comments only; "//" is not a comment there (e.g. in an unquoted url()). */
    static String css(String code) {
        return strip(code, false);
    }

    private static String strip(String source, boolean js) {
        // one kind of line break: a lone CR or U+2028/2029 also ends a line (and a // comment) in JavaScript
        String s = source.replace("\r\n", "\n");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\r' || c == '\u2028' || c == '\u2029') {
                throw new IllegalStateException(String.format("line break U+%04X at %s: only LF or CRLF line ends are supported when inlining", (int) c, where(s, k)));
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = copyQuoted(s, i, c, out);
            } else if (c == '\\') {
                // an escape outside a string (a CSS selector's \', a JavaScript identifier's \u0061): kept whole
                if (i + 1 >= n || s.charAt(i + 1) == '\n') throw new IllegalStateException("escape before a line break at " + where(s, i));
                out.append(s, i, i + 2);
                i += 2;
            } else if (c == '`' && js) {
                throw new IllegalStateException("template literal at " + where(s, i) + ": not supported when inlining");
            } else if (c == '/' && js && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw new IllegalStateException("unterminated comment at " + where(s, i));
                // In CSS a comment is no token and no blank: "div/**/.x" is div.x, "div .x" another selector,
                // and "1/**/.5" without it would be 1.5. One that touches a token on both sides is refused.
                if (!js && touches(out, s, end + 2)) {
                    throw new IllegalStateException("comment between two tokens at " + where(s, i) + ": put a blank beside it");
                }
                out.append(s.substring(i, end).indexOf('\n') >= 0 ? '\n' : ' ');   // keeps the line break ASI may need
                i = end + 2;
            } else if (c == '(' && !js && endsWithIgnoreCase(out, "url") && i + 1 < n && "'\"".indexOf(s.charAt(i + 1)) < 0) {
                // an unquoted url(...): "/*" or a quote in there is part of the address
                int close = s.indexOf(')', i);
                if (close < 0 || s.substring(i, close).indexOf('\n') >= 0) throw new IllegalStateException("url( not closed on its line at " + where(s, i));
                out.append(s, i, close + 1);
                i = close + 1;
            } else if (c == '/' && js) {
                if (ambiguousSlash(out)) {
                    throw new IllegalStateException("a slash after ')', '}', '++' or '--' at " + where(s, i)
                            + ": cannot tell a regular expression from a division there; add parentheses or a variable");
                }
                if (regexMayStart(out)) {
                    i = copyRegex(s, i, out);
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        StringBuilder lines = new StringBuilder(out.length());
        for (String line : out.toString().split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (lines.length() > 0) lines.append('\n');
            lines.append(t);
        }
        return lines.toString();
    }

    // whether a comment ending at s[after] has a non-blank character right before it (in out) and right after it
    private static boolean touches(StringBuilder out, String s, int after) {
        return out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))
                && after < s.length() && !Character.isWhitespace(s.charAt(after));
    }

    private static boolean endsWithIgnoreCase(StringBuilder out, String word) {
        int from = out.length() - word.length();
        return from >= 0 && out.substring(from).equalsIgnoreCase(word)
                && (from == 0 || !Character.isJavaIdentifierPart(out.charAt(from - 1)) && out.charAt(from - 1) != '-');
    }

    /**
     * After ")" or "}" a slash may divide ("(a + b) / 2") or start a regular expression ("if (a) /x/.test(s)"),
     * and after "++" or "--" it divides while the rule below would read a regular expression: telling
     * them apart needs a parser, and a wrong guess can swallow code silently, so the build refuses.
     */
    private static boolean ambiguousSlash(StringBuilder out) {
        int k = lastNonBlank(out);
        if (k < 0) return false;
        char p = out.charAt(k);
        return p == ')' || p == '}' || (k > 0 && (p == '+' || p == '-') && out.charAt(k - 1) == p);
    }

    private static int copyQuoted(String s, int i, char quote, StringBuilder out) {
        int j = i + 1;
        while (true) {
            if (j >= s.length() || s.charAt(j) == '\n') throw new IllegalStateException("string not closed on its line at " + where(s, i));
            char c = s.charAt(j);
            if (c == '\\') {
                if (j + 1 >= s.length() || s.charAt(j + 1) == '\n') throw new IllegalStateException("string continued over a line break at " + where(s, i));
                j += 2;
            } else if (c == quote) {
                out.append(s, i, j + 1);
                return j + 1;
            } else {
                j++;
            }
        }
    }

    // a regular expression literal: to the closing slash that is neither escaped nor inside a [class]
    private static int copyRegex(String s, int i, StringBuilder out) {
        boolean inClass = false;
        int j = i + 1;
        while (true) {
            if (j >= s.length() || s.charAt(j) == '\n') throw new IllegalStateException("regular expression not closed on its line at " + where(s, i));
            char c = s.charAt(j);
            if (c == '\\') {
                if (j + 1 >= s.length() || s.charAt(j + 1) == '\n') throw new IllegalStateException("regular expression continued over a line break at " + where(s, i));
                j += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
            j++;
        }
        out.append(s, i, j + 1);
        return j + 1;
    }

    /**
     * Whether a slash here starts a regular expression rather than dividing: after an operator, an
     * opening bracket, a separator or a keyword that takes an expression (JSMin's rule, plus keywords).
     * After a name, a number or a closing bracket it divides.
     */
    private static boolean regexMayStart(StringBuilder out) {
        int k = lastNonBlank(out);
        if (k < 0) return true;
        char p = out.charAt(k);
        if ("(,=:[!&|?{;+-*%<>~^".indexOf(p) >= 0) return true;
        if (!Character.isJavaIdentifierPart(p)) return false;
        int w = k;
        while (w >= 0 && Character.isJavaIdentifierPart(out.charAt(w))) w--;
        String word = out.substring(w + 1, k + 1);
        return switch (word) {
            case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await" -> true;
            default -> false;
        };
    }

    // the index of the last character written that is not a blank, -1 if none: the token a slash follows
    private static int lastNonBlank(StringBuilder out) {
        int k = out.length() - 1;
        while (k >= 0 && Character.isWhitespace(out.charAt(k))) k--;
        return k;
    }

    private static String where(String s, int i) {
        int line = 1;
        for (int k = 0; k < i; k++) if (s.charAt(k) == '\n') line++;
        return "line " + line;
    }
}
