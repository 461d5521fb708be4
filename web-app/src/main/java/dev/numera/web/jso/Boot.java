package dev.numera.web.jso;

import java.nio.ByteBuffer;
import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** What loader.js hands over (window.numeraBoot), and the window.numera API for tests and benchmarks. */
public final class Boot {
    private Boot() {
    }

    @JSBody(script = "return (window.numeraBoot && window.numeraBoot.runtime) || 'js';")
    public static native String runtime();

    @JSBody(script = "return (window.numeraBoot && window.numeraBoot.model) || null;")
    public static native Int8Array model();

    /**
     * The model's bytes as a Java array, or null when there are none. Wasm GC: Int8Array's
     * copyToJavaArray took ~4 ms for the 82 KB model during the start (cold code); here one
     * TypedArray.set (a memcpy) fills a direct buffer in the module's linear memory and one bulk get
     * copies it into the array. JS: a Java byte[] is an Int8Array already, copyToJavaArray is a copy.
     */
    public static byte[] modelBytes() {
        Int8Array m = model();
        if (m == null) {
            return null;
        }
        if (PlatformDetector.isJavaScript()) {
            return m.copyToJavaArray();
        }
        ByteBuffer staging = ByteBuffer.allocateDirect(m.getLength());
        int8(Uint8Array.fromJavaBuffer(staging)).set(m);
        byte[] bytes = new byte[m.getLength()];
        staging.get(bytes);
        return bytes;
    }

    @JSBody(params = "a", script = "return new Int8Array(a.buffer, a.byteOffset, a.byteLength);")
    private static native Int8Array int8(ArrayBufferView a);

    @JSBody(script = "return (window.numeraBoot && window.numeraBoot.modelError) || null;")
    public static native String modelError();

    @JSBody(script = "return (window.numeraBoot && window.numeraBoot.notice) || null;")
    public static native String notice();

    /**
     * What the pad heard before the app was ready (loader.js records it from the page's start), oldest first: its
     * pointer events as records that read as PointerEvents, positions in pad points; the loader stops listening. Null when taken already (or there is no loader).
     */
    @JSBody(script = "var b = window.numeraBoot; return b && b.takeEarly ? b.takeEarly() : null;")
    public static native JSArrayReader<Event> takeEarly();

    @JSFunctor
    public interface InferFn extends JSObject {
        Float32Array infer(Float32Array input784);
    }

    @JSFunctor
    public interface RecognizeFn extends JSObject {
        JSObject recognize(Uint8ClampedArray rgba, int width, int height, String mode);
    }

    /**
     * The camera loop's per-frame step (grab, recognise, show) on a source that already is the 140x140
     * box, for tests and benchmarks; returns the camera's verdict (-1: none), which the page shows only
     * while the pad is empty.
     */
    @JSFunctor
    public interface CameraFrameFn extends JSObject {
        int cameraFrame(JSObject source);
    }

    /** The SIMD layers against reference loops (SimdLayers.check): the largest relative difference (NaN: no SIMD here). */
    @JSFunctor
    public interface CheckKernelsFn extends JSObject {
        double checkKernels();
    }

    /** @param kernels what runs the network's conv and dense layers: "wasm-simd" or "java" */
    @JSBody(params = {"runtime", "kernels", "infer", "recognize", "cameraFrame", "checkKernels"},
            script = "window.numera = {runtime: runtime, kernels: kernels, infer: infer, recognize: recognize, cameraFrame: cameraFrame,"
                    + " checkKernels: checkKernels};")
    public static native void export(String runtime, String kernels, InferFn infer, RecognizeFn recognize, CameraFrameFn cameraFrame,
                                     CheckKernelsFn checkKernels);

    @JSBody(params = {"digit", "confidence", "probabilities"},
            script = "return {digit: digit, confidence: confidence, probabilities: probabilities};")
    public static native JSObject result(int digit, double confidence, Float32Array probabilities);
}
