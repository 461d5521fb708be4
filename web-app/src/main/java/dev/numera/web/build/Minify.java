package dev.numera.web.build;

/**
 * Comments and indentation out of the scripts and the style sheet that go inline in index.html: the
 * loader's and the style sheet's comments are half their bytes (loader 6.3 -> 3.6 kB gzipped, style
 * sheet 3.8 -> 2.2 kB), and every byte of the page is parsed before the app can start. The sources
 * keep their comments; only the built page loses them.
 *
 * <p>Deliberately not a minifier: no renaming, no joining of lines. Line breaks stay where they were
 * (a removed block comment that spanned lines leaves one), so JavaScript's automatic semicolons fall
 * exactly as in the source, and each line loses only its leading and trailing blanks. That is safe
 * wherever no string spans lines; a template literal or a string continued over a line break is
 * refused, as is anything unterminated, so the build fails instead of shipping changed code.
 * Independent check: the tests parse source and result with Rhino and compare the trees.
 */
final class Minify {
    private Minify() {
    }

    /** JavaScript (the ES5 subset the loader and the glue use: no template literals). */
    static String js(String code) {
        return strip(code, true);
    }

    /** CSS: block comments only; "//" is not a comment there (e.g. in an unquoted url()). */
    static String css(String code) {
        return strip(code, false);
    }

    private static String strip(String s, boolean js) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = copyQuoted(s, i, c, out);
            } else if (c == '`' && js) {
                throw new IllegalStateException("template literal at " + where(s, i) + ": not supported when inlining");
            } else if (c == '/' && js && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw new IllegalStateException("unterminated comment at " + where(s, i));
                out.append(s.substring(i, end).indexOf('\n') >= 0 ? '\n' : ' ');   // keeps the line break ASI may need
                i = end + 2;
            } else if (c == '/' && js && regexMayStart(out)) {
                i = copyRegex(s, i, out);
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
        int k = out.length() - 1;
        while (k >= 0 && Character.isWhitespace(out.charAt(k))) k--;
        if (k < 0) return true;
        char p = out.charAt(k);
        if ("(,=:[!&|?{};+-*%<>~^".indexOf(p) >= 0) return true;
        if (!Character.isJavaIdentifierPart(p)) return false;
        int w = k;
        while (w >= 0 && Character.isJavaIdentifierPart(out.charAt(w))) w--;
        String word = out.substring(w + 1, k + 1);
        return switch (word) {
            case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await" -> true;
            default -> false;
        };
    }

    private static String where(String s, int i) {
        int line = 1;
        for (int k = 0; k < i; k++) if (s.charAt(k) == '\n') line++;
        return "line " + line;
    }
}
