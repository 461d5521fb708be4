package dev.numera.web.jso;

import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * Small browser bits jso-apis lacks, and the bulk copies across the JS/Java boundary. In Wasm GC
 * every typed-array element access is a call into JS (~90x slower), so bytes cross in one copy.
 */
public final class Js {
    private Js() {
    }

    @JSBody(script = "return performance.now();")
    public static native double now();

    /** A 2D context for canvases read back every frame (avoids GPU round trips in Chromium). */
    @JSBody(params = "c", script = "return c.getContext('2d', {willReadFrequently: true});")
    public static native CanvasRenderingContext2D readableContext(HTMLCanvasElement c);

    @JSBody(params = {"el", "id"}, script = "if (el.setPointerCapture) { try { el.setPointerCapture(id); } catch (e) {} }")
    public static native void capturePointer(HTMLElement el, int id);

    /** RGBA pixels into a fresh Java byte[], in one copy. */
    public static byte[] bytes(Uint8ClampedArray rgba) {
        return int8View(rgba).copyToJavaArray();
    }

    @JSBody(params = "u", script = "return new Int8Array(u.buffer, u.byteOffset, u.length);")
    private static native Int8Array int8View(Uint8ClampedArray u);

    /** Java bytes into a Uint8ClampedArray for ImageData, in one copy. */
    public static Uint8ClampedArray clamped(byte[] rgba) {
        return clampedView(Int8Array.copyFromJavaArray(rgba));
    }

    @JSBody(params = "a", script = "return new Uint8ClampedArray(a.buffer, a.byteOffset, a.length);")
    private static native Uint8ClampedArray clampedView(Int8Array a);

    public static float[] floats(Float32Array a) {
        return a.copyToJavaArray();
    }

    @JSBody(params = {"el", "key", "value"}, script = "el.dataset[key] = value;")
    public static native void setData(HTMLElement el, String key, String value);

    @JSBody(params = {"el", "name", "value"}, script = "el.style.setProperty(name, value);")
    public static native void setStyle(HTMLElement el, String name, String value);
}
