package dev.numera.web.jso;

import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Uint8Array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A fixed number of floats that cross the JS/Java boundary of window.numera (a digit's 784 inputs
 * in, its 10 probabilities out) with one {@code TypedArray.set} or {@code slice} (a memcpy) per call
 * and nothing per element. Java works on {@link #values()}, reused.
 * <ul>
 * <li>JS build: a Java float[] is a Float32Array, so the view is the Java array itself.</li>
 * <li>Wasm GC build: a Java array is opaque to JavaScript, so the view is of a direct buffer in the
 *     module's linear memory, and one bulk FloatBuffer copy moves it to or from the float[].</li>
 * </ul>
 * Why not what was there: in Wasm GC, {@code Float32Array.copyToJavaArray} and
 * {@code copyFromJavaArray} go through JavaScript once per element and the first makes a new array
 * per call; under a profiler those calls were 1.7 of the 8.2 ms of the benchmark's first inference
 * (A/B, 6 alternating runs: first inference 10.2 -> 7.2 ms, infer() 0.920 -> 0.875 ms per call).
 * Same scheme as {@link RgbaBuffer}.
 */
public final class Float32Bridge {
    private final float[] values;
    private Float32Array view;
    /** Wasm GC only: the direct buffer the view shows, and its float view for the bulk copies. */
    private ByteBuffer staging;
    private FloatBuffer floats;

    public Float32Bridge(int length) {
        values = new float[length];
        if (PlatformDetector.isJavaScript()) {
            view = Float32Array.fromJavaArray(values); // the Java array's own memory
        } else {
            staging = ByteBuffer.allocateDirect(4 * length).order(ByteOrder.LITTLE_ENDIAN);
            floats = staging.asFloatBuffer();
            view = f32(Uint8Array.fromJavaBuffer(staging));
        }
    }

    /** The floats Java reads and writes; {@code length} of them, the same array on every call. */
    public float[] values() {
        return values;
    }

    /** Copies {@code src} (exactly {@code length} values) into {@link #values()}. */
    public float[] copyIn(Float32Array src) {
        if (src.getLength() != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " values, got " + src.getLength());
        }
        view().set(src);
        if (floats != null) {
            floats.clear();
            floats.get(values);
        }
        return values;
    }

    /** A new Float32Array with the current {@link #values()} (the API hands out fresh arrays). */
    public Float32Array copyOut() {
        if (floats != null) {
            floats.clear();
            floats.put(values);
        }
        return slice(view());
    }

    /**
     * The view, made again when the Wasm linear memory has grown: growing it detaches every view of
     * the old memory (their length turns 0). Views of a JS build's arrays never detach.
     */
    private Float32Array view() {
        if (staging != null && view.getLength() != values.length) {
            view = f32(Uint8Array.fromJavaBuffer(staging));
        }
        return view;
    }

    @JSBody(params = "a", script = "return new Float32Array(a.buffer, a.byteOffset, a.byteLength >> 2);")
    private static native Float32Array f32(ArrayBufferView a);

    @JSBody(params = "a", script = "return a.slice();")
    private static native Float32Array slice(Float32Array a);
}
