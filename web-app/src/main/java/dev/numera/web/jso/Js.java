package dev.numera.web.jso;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.AnimationFrameCallback;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLVideoElement;

/**
 * Small browser bits jso-apis lacks. The bulk copies across the JS/Java boundary are
 * {@link RgbaBuffer} and {@link Float32Bridge}: in Wasm GC every typed-array element access is a
 * call into JS (~90x slower), so values cross in one copy.
 */
public final class Js {
    private Js() {
    }

    @JSBody(script = "return performance.now();")
    public static native double now();

    /**
     * A named point of the start (name, ms since navigation start) appended to
     * window.numeraBoot.marks, which the loader keeps and the benchmark's "where the time to ready
     * goes" reads. Not performance.mark: that costs the start measurable time (see loader.js).
     * Diagnostics only, so never an error.
     */
    @JSBody(params = "name", script = "try { window.numeraBoot.marks.push(name, performance.now()); } catch (e) {}")
    public static native void mark(String name);

    /**
     * A 2D context for canvases read back every frame (avoids GPU round trips in Chromium), whose
     * downscales average: at the default quality ("low") Chromium samples, and a 630 px camera box
     * (a 4K stream) drawn into 140 px lost 2 px strokes altogether in some frames.
     */
    @JSBody(params = "c", script = "var g = c.getContext('2d', {willReadFrequently: true}); g.imageSmoothingQuality = 'high'; return g;")
    public static native CanvasRenderingContext2D readableContext(HTMLCanvasElement c);

    @JSBody(params = {"el", "id"}, script = "if (el.setPointerCapture) { try { el.setPointerCapture(id); } catch (e) {} }")
    public static native void capturePointer(HTMLElement el, int id);

    /**
     * Drops the page's text selection: a mouse pressed on text selects it as it moves, and a press on
     * selected text later drags the text instead (the browser then cancels the pointer).
     */
    @JSBody(script = "var s = window.getSelection ? getSelection() : null; if (s && s.rangeCount) { s.removeAllRanges(); }")
    public static native void clearSelection();

    /**
     * The moves a pointermove stands for, oldest first, the event's own position last: a busy main
     * thread gets one pointermove per frame or long task, and the positions in between are only here.
     * Null where the browser has no getCoalescedEvents (Safari before 18); an event made by a script
     * holds none (an empty list). The array and its events are the browser's, made by this call.
     */
    @JSBody(params = "e", script = "return typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : null;")
    public static native JSArrayReader<PointerEvent> coalescedEvents(PointerEvent e);

    /**
     * Focus for a pointer: no scrolling, and no keyboard focus ring. A focus() called from a pointer
     * handler that cancelled the press counts as keyboard-like focus in Chromium, so the pad wore the
     * ring after every stroke; a browser without the focusVisible option shows it, as before. On an
     * element that already has the focus, focus() does nothing: if it wears the ring (a key was pressed
     * on it), it is blurred first, so a stroke takes the ring away as a click would.
     */
    @JSBody(params = "el", script = "if (document.activeElement === el && el.matches(':focus-visible')) { el.blur(); }"
            + " el.focus({preventScroll: true, focusVisible: false});")
    public static native void focusWithoutRing(HTMLElement el);

    /** Focus without scrolling; whether the ring shows is the browser's call (as on the element focused before). */
    @JSBody(params = "el", script = "el.focus({preventScroll: true});")
    public static native void focusInPlace(HTMLElement el);

    /** Scrolls the page as little as brings the element into view (nothing when it is in view already). */
    @JSBody(params = "el", script = "if (el.scrollIntoView) { el.scrollIntoView({block: 'nearest', inline: 'nearest'}); }")
    public static native void scrollIntoViewNearest(HTMLElement el);

    @JSBody(params = "el", script = "return document.activeElement === el;")
    public static native boolean isFocused(HTMLElement el);

    /** Whether no element has the focus (it is on the body, as after the focused element was hidden). */
    @JSBody(script = "return !document.activeElement || document.activeElement === document.body;")
    public static native boolean nothingFocused();

    /** Keeps the pad's drawing for the page's next load in this tab (sessionStorage; nothing where storage is refused). */
    @JSBody(params = "text", script = "try { if (text) { sessionStorage.setItem('numera.pad', text); } } catch (e) {}")
    public static native void keepDrawing(String text);

    /** The drawing kept by {@link #keepDrawing}, once (it is gone after), or null. */
    @JSBody(script = "try { var v = sessionStorage.getItem('numera.pad'); sessionStorage.removeItem('numera.pad'); return v; } catch (e) { return null; }")
    public static native String keptDrawing();

    /**
     * Keeps body[data-result-out] set while any of el is outside the viewport (scrolled away, or below the first
     * screen), from the next frame on; without IntersectionObserver it is set for good.
     */
    // (a local named b hid el in the JavaScript build, which renames a script's parameters to b, c, d...: it observed the body)
    @JSBody(params = "el", script = "var body = document.body; if (!window.IntersectionObserver) { body.dataset.resultOut = ''; return; }"
            + " new IntersectionObserver(function (entries) { if (entries[entries.length - 1].intersectionRatio >= 0.99) { delete body.dataset.resultOut; }"
            + " else { body.dataset.resultOut = ''; } }, {threshold: [0.99]}).observe(el);")
    public static native void flagWhenOutOfView(HTMLElement el);

    /** Whether any of el's box is inside the viewport (a rectangle is made: call it now and then, not per frame). */
    @JSBody(params = "el", script = "var r = el.getBoundingClientRect(); return r.bottom > 0 && r.right > 0"
            + " && r.top < (window.innerHeight || document.documentElement.clientHeight)"
            + " && r.left < (window.innerWidth || document.documentElement.clientWidth);")
    public static native boolean inViewport(HTMLElement el);

    /**
     * The callback as a JS function, made once. Handing a Java lambda to requestAnimationFrame makes a
     * new JS function for it on every call; a loop that runs 60 times a second keeps this one instead.
     */
    @JSBody(params = "f", script = "return f;")
    public static native JSObject animationFrameCallback(AnimationFrameCallback f);

    /** requestAnimationFrame with a function from {@link #animationFrameCallback}: nothing is wrapped per call. */
    @JSBody(params = "f", script = "return requestAnimationFrame(f);")
    public static native int requestAnimationFrame(JSObject f);

    @JSBody(script = "return document.hidden;")
    public static native boolean pageHidden();

    /**
     * A count of the frames the video has presented, kept by a requestVideoFrameCallback loop in
     * JavaScript (nothing calls into Java per frame), read with {@link #videoFrames}; null where the
     * browser lacks the API (before Chrome 83, Safari 15.4, Firefox 132).
     */
    @JSBody(params = "v", script = "if (typeof v.requestVideoFrameCallback !== 'function') { return null; }"
            + " var c = {n: 0, on: true};"
            + " var tick = function () { if (c.on) { c.n = (c.n + 1) | 0; v.requestVideoFrameCallback(tick); } };"
            + " v.requestVideoFrameCallback(tick); return c;")
    public static native JSObject countVideoFrames(HTMLVideoElement v);

    @JSBody(params = "c", script = "return c.n;")
    public static native int videoFrames(JSObject counter);

    /** Ends the counter's loop at its next callback. */
    @JSBody(params = "c", script = "c.on = false;")
    public static native void stopCounting(JSObject counter);

    /**
     * Whether o is a Uint8ClampedArray, from this window or another (an iframe's: instanceof only
     * knows this window's constructor). The typed arrays' own toStringTag getter answers for every
     * realm and returns a constant string; Object.prototype.toString would build a new string per
     * call, on the camera API's per-frame path.
     */
    @JSBody(params = "o", script = "return ArrayBuffer.isView(o) && o[Symbol.toStringTag] === 'Uint8ClampedArray';")
    public static native boolean isRgba(JSObject o);

    /**
     * Where el's content box starts in the viewport (inside its left border), CSS px, fractional:
     * jso-apis' TextRectangle rounds getBoundingClientRect() to whole pixels.
     */
    @JSBody(params = "el", script = "return el.getBoundingClientRect().left + (el.clientLeft || 0);")
    public static native double contentLeft(HTMLElement el);

    /** The same, for the top (inside the top border). */
    @JSBody(params = "el", script = "return el.getBoundingClientRect().top + (el.clientTop || 0);")
    public static native double contentTop(HTMLElement el);

    /**
     * The width of el's content box as shown, CSS px, fractional (its border box less the borders): a box
     * sized to fit the window is seldom a whole number of pixels, and clientWidth rounds. Where el has no
     * layout (HtmlUnit), otherwise.
     */
    @JSBody(params = {"el", "otherwise"}, script = "var w = el.getBoundingClientRect().width - (el.offsetWidth - el.clientWidth);"
            + " return w > 0 ? w : otherwise;")
    public static native double contentWidth(HTMLElement el, double otherwise);

    /** The same, for the height. */
    @JSBody(params = {"el", "otherwise"}, script = "var h = el.getBoundingClientRect().height - (el.offsetHeight - el.clientHeight);"
            + " return h > 0 ? h : otherwise;")
    public static native double contentHeight(HTMLElement el, double otherwise);

    /**
     * Calls f once, when devicePixelRatio stops being ratio (browser zoom, the window moved to another
     * screen): the media query of this very ratio stops matching. Call again with the new ratio to hear
     * of the next change. Without MediaQueryList events (Safari before 14) never.
     */
    @JSBody(params = {"ratio", "f"}, script = "var m = window.matchMedia ? matchMedia('(resolution: ' + ratio + 'dppx)') : null;"
            + " if (m && m.addEventListener) { m.addEventListener('change', f, {once: true}); }")
    public static native void onRatioChange(double ratio, EventListener<Event> f);

    @JSBody(params = {"el", "key", "value"}, script = "el.dataset[key] = value;")
    public static native void setData(HTMLElement el, String key, String value);

    @JSBody(params = {"el", "name", "value"}, script = "el.style.setProperty(name, value);")
    public static native void setStyle(HTMLElement el, String name, String value);
}
