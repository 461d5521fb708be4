package dev.numera.web.harness;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Waiting on the page without sleeps: a JS poll that resolves when a condition holds (script timeout guards). */
public final class Pages {
    private Pages() {
    }

    /** Waits until {@code condition} (a JS expression) is truthy, then returns {@code value} (a JS expression). */
    public static Object await(WebDriver d, String condition, String value) {
        String script = "var done = arguments[arguments.length - 1];"
                + "(function poll() { var ok = false; try { ok = (" + condition + "); } catch (e) {}"
                + " if (ok) { done(" + value + "); } else { setTimeout(poll, 20); } })();";
        return ((JavascriptExecutor) d).executeAsyncScript(script);
    }

    /**
     * Waits up to {@code ms} until the text of element {@code id} starts with {@code start}; returns the
     * text it has then, so an assertion on it shows what the page said instead of a script timeout.
     */
    public static String awaitTextStart(WebDriver d, String id, String start, int ms) {
        return (String) ((JavascriptExecutor) d).executeAsyncScript("var id = arguments[0], start = arguments[1],"
                + " until = Date.now() + arguments[2], done = arguments[3];"
                + "(function poll() { var t = document.getElementById(id).textContent;"
                + " if (t.indexOf(start) === 0 || Date.now() > until) { done(t); } else { setTimeout(poll, 20); } })();", id, start, ms);
    }

    /** Waits for the app to start: "true" when ready, otherwise the error kind (status text follows after a '|'). */
    public static String awaitStart(WebDriver d) {
        return (String) await(d, "document.body.dataset.ready === 'true' || document.body.dataset.error",
                "(document.body.dataset.ready === 'true' ? 'true' : document.body.dataset.error)"
                        + " + '|' + document.getElementById('status').textContent");
    }

    public static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }
}
