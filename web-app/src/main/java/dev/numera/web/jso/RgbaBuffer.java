package dev.numera.web.jso;

import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * RGBA pixels that cross the JS/Java boundary every frame without garbage. Java works on a reused
 * {@code int[]}, one pixel per int, {@code R | G << 8 | B << 16 | A << 24} (what the pipeline reads);
 * JavaScript sees the same pixels as a Uint8ClampedArray and copies a whole frame in or out with one
 * {@code TypedArray.set} (a memcpy).
 * <ul>
 * <li>JS build: a Java int[] is an Int32Array, so the Uint8ClampedArray is a view of the Java array
 *     itself: one copy in total.</li>
 * <li>Wasm GC build: a Java array is opaque to JavaScript, so the view is of a direct buffer in the
 *     module's linear memory, and one bulk IntBuffer copy (one load and store per pixel) moves it to
 *     or from the int[].</li>
 * </ul>
 * Why not what was there: {@code Int8Array.copyToJavaArray} makes a fresh array per call in Wasm GC
 * (78 KB per 140x140 frame). Why not read the direct buffer in place: a ByteBuffer.getInt per pixel
 * is a call each; measured in Chromium, a grey pass over 140x140 pixels took about twice as long
 * that way as the bulk copy plus array reads. TeaVM's own bulk IntBuffer copies in the JS build make
 * a new typed-array view per call, hence the JS-only path.
 */
public final class RgbaBuffer {
    private int[] pixels;
    private Uint8ClampedArray view;
    /** Wasm GC only: the direct buffer the view shows, and its int view for the bulk copies. */
    private ByteBuffer staging;
    private IntBuffer ints;

    /** @param pixels capacity in pixels; grows on demand in {@link #copyFrom} */
    public RgbaBuffer(int pixels) {
        allocate(pixels);
    }

    private void allocate(int n) {
        pixels = new int[n];
        if (PlatformDetector.isJavaScript()) {
            view = clamped(Int32Array.fromJavaArray(pixels)); // the Java array's own bytes
        } else {
            staging = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            ints = staging.asIntBuffer();
            view = clamped(Uint8Array.fromJavaBuffer(staging));
        }
    }

    /** The packed pixels; the first {@code width * height} are the image's. */
    public int[] pixels() {
        return pixels;
    }

    /**
     * Copies {@code src} (RGBA bytes) into {@link #pixels()}; grows first when it is too small (the
     * only allocation, once per larger size).
     */
    public int[] copyFrom(Uint8ClampedArray src) {
        int n = (src.getLength() + 3) / 4;
        if (n > pixels.length) {
            allocate(n);
        }
        view().set(src);
        if (ints != null) {
            ints.clear();
            ints.get(pixels, 0, n);
        }
        return pixels;
    }

    /** Copies all of {@link #pixels()} into {@code dst} (e.g. an ImageData's data; size this to the image). */
    public void copyTo(Uint8ClampedArray dst) {
        if (ints != null) {
            ints.clear();
            ints.put(pixels);
        }
        dst.set(view());
    }

    /**
     * The view, made again when the Wasm linear memory has grown: growing it detaches every view of
     * the old memory (their length turns 0). Views of a JS build's arrays never detach.
     */
    private Uint8ClampedArray view() {
        if (staging != null && view.getLength() != staging.capacity()) {
            view = clamped(Uint8Array.fromJavaBuffer(staging));
        }
        return view;
    }

    /** The same bytes as a Uint8ClampedArray: TypedArray.set between equal types is a plain memory copy. */
    @JSBody(params = "a", script = "return new Uint8ClampedArray(a.buffer, a.byteOffset, a.byteLength);")
    private static native Uint8ClampedArray clamped(ArrayBufferView a);
}
