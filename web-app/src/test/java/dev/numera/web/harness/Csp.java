package dev.numera.web.harness;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's Content-Security-Policy, checked from the browser: what the server sends (header
 * and meta tag) and every violation. A listener for securitypolicyviolation is injected into
 * every new document through CDP (such scripts are not subject to the page's policy), and the
 * console is scanned for Chromium's "Refused to ..." reports too.
 */
public final class Csp {
    private static final String WATCH = "(function () { window.__cspViolations = [];"
            + " document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '?')"
            + "   + (e.sample ? ' (' + e.sample + ')' : '') + ' at ' + e.sourceFile + ':' + e.lineNumber); }); })();";

    private Csp() {
    }

    /** From now on every document of this browser records its CSP violations. */
    public static void watch(ChromeDriver d) {
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    /** The violations the current document has recorded (the watch must have been set before it loaded). */
    @SuppressWarnings("unchecked")
    public static List<String> violations(ChromeDriver d) {
        Object v = Pages.js(d, "return window.__cspViolations === undefined ? null : window.__cspViolations.slice();");
        assertTrue(v != null, "the CSP watch is not installed in this document (Csp.watch before loading)");
        return new ArrayList<>((List<String>) v);
    }

    /** Chromium's console reports of blocked content since the last call (drains the browser log). */
    public static List<String> consoleReports(ChromeDriver d) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to")) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The served policy (meta tag and HTTP header, fetched fresh) is the strict one: scripts from
     * the origin only, 'wasm-unsafe-eval' for WebAssembly, no 'unsafe-eval', no 'unsafe-inline' (the
     * page's inline scripts and style sheet only by their hashes); and the page has not violated it,
     * nor logged a violation.
     */
    public static void assertStrictAndHeld(ChromeDriver d) {
        String meta = (String) Pages.js(d, "var m = document.querySelectorAll('meta[http-equiv=\"Content-Security-Policy\"]');"
                + "return m.length === 1 ? m[0].content : 'meta tags: ' + m.length;");
        String header = (String) ((JavascriptExecutor) d).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(location.pathname, {cache: 'no-store'}).then(function (r) {"
                + " done(r.headers.get('content-security-policy') || 'no header'); }, function (e) { done('fetch failed: ' + e); });");
        assertEquals(meta, header, "the header mirrors the meta tag");
        String html = (String) ((JavascriptExecutor) d).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(location.pathname, {cache: 'no-store'}).then(function (r) { return r.text(); }).then(done, function (e) { done('fetch failed: ' + e); });");
        assertEquals("'self' 'wasm-unsafe-eval' " + inlineHashes(html, "script"), directive(meta, "script-src"),
                "script-src of " + meta + ": the origin, WebAssembly, and the page's inline scripts (loader, Wasm GC runtime and glue) by their hashes");
        assertFalse(meta.replace("'wasm-unsafe-eval'", "").contains("unsafe-eval"), "'unsafe-eval' in " + meta);
        assertFalse(meta.contains("unsafe-inline"), "'unsafe-inline' in " + meta);
        assertEquals("'self' " + inlineHashes(html, "style"), directive(meta, "style-src"), "style-src of " + meta + ": the origin and the inline style sheet");
        assertEquals(List.of(), violations(d), "CSP violations");
        assertEquals(List.of(), consoleReports(d), "CSP reports on the console");
    }

    /**
     * 'sha256-…' of each inline element of that kind ("script" or "style"; scripts with a src
     * are not inline), in page order; fails unless there is at least one.
     */
    public static String inlineHashes(String html, String element) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + element + "( [^>]*)?>(.*?)</" + element + ">", java.util.regex.Pattern.DOTALL).matcher(html);
        List<String> hashes = new ArrayList<>();
        while (m.find()) {
            if (m.group(1) != null && m.group(1).contains(" src=")) continue;
            try {
                byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(m.group(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                hashes.add("'sha256-" + java.util.Base64.getEncoder().encodeToString(h) + "'");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        assertFalse(hashes.isEmpty(), "no inline " + element + " in the page");
        return String.join(" ", hashes);
    }

    static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + " ")) {
                return p.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
