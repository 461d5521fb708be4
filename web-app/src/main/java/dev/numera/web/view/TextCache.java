package dev.numera.web.view;

import java.util.function.IntFunction;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The texts a view writes every camera frame, each made once: a JS string per key (0..size-1, the
 * {@link Fmt#key} of the value shown), formatted on its first use and kept. A live camera changes
 * every probability every frame; without this, each write is a new Java string, its conversion to a
 * JS string and, for the bars, a new style string: garbage at 60 frames a second. With it, a view
 * hands the page strings it already has, and after the first few seconds a frame allocates nothing.
 * The size bounds the memory (a thousand short strings: tens of KB); keys outside it are formatted
 * anew each time (values the views never show in practice, e.g. a recognition time over 100 ms).
 */
final class TextCache {
    private final JSString[] strings;
    private final IntFunction<String> format;

    /** @param format key → text, for any key (keys past the cache are formatted on every call) */
    TextCache(int size, IntFunction<String> format) {
        this.strings = new JSString[size];
        this.format = format;
    }

    JSString get(int key) {
        if (key < 0 || key >= strings.length) {
            return JSString.valueOf(format.apply(key));
        }
        JSString s = strings[key];
        if (s == null) {
            s = JSString.valueOf(format.apply(key));
            strings[key] = s;
        }
        return s;
    }

    // Writes that take a JS string as it is: a Java string argument would be converted on every call.

    @JSBody(params = {"el", "text"}, script = "el.textContent = text;")
    static native void setText(HTMLElement el, JSObject text);

    @JSBody(params = {"el", "value"}, script = "el.style.transform = value;")
    static native void setTransform(HTMLElement el, JSObject value);

    @JSBody(params = {"el", "name"}, script = "el.className = name;")
    static native void setClass(HTMLElement el, JSObject name);
}
