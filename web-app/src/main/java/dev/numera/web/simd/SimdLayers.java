package dev.numera.web.simd;

import dev.numera.core.kernels.Conv2d;
import dev.numera.core.kernels.Conv2dImplicitGemm;
import dev.numera.core.kernels.Conv2dWinograd;
import dev.numera.core.kernels.Dense;
import dev.numera.core.nn.LayerAccelerator;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Uint8Array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A frozen network's convolution and dense layers on wasm/numera-simd.wasm, for both builds.
 *
 * <p>Why: TeaVM emits no SIMD, and the scalar kernels run at what V8's 16 vector registers allow
 * (docs/benchmarks.md). The module's operands live in one stretch of its linear memory, the
 * arena: every accelerated layer's weights (Winograd's transformed U for the 3x3 layers), copied
 * once here, then an input slot, an output slot and the scratch the layers share. Per layer and
 * pass, one bulk copy moves the input in and one the output out (Java keeps every activation,
 * for the network view), and one call through JavaScript runs the layer.
 *
 * <p>Whose memory: in Wasm GC the module imports the Java module's own linear memory, and the arena
 * is a direct buffer in it (FloatBuffer copies). In the JavaScript build the loader gives the module
 * a memory of its own (window.numeraSimdMemory); Java's float[] there is a Float32Array, and the
 * copies are loops over it in JavaScript.
 *
 * <p>Which layers: stride-1 convolutions (Winograd where {@link Conv2dWinograd#applies}, else the
 * implicit GEMM) and dense layers, the same choice as {@link Sequential}'s inference path.
 */
public final class SimdLayers implements LayerAccelerator {
    private static final int NONE = 0, IMPLICIT = 1, WINOGRAD = 2, DENSE = 3;

    private final Arena arena;
    private final int[] kind;                 // per layer
    private final int[][] dims;               // per layer: c, h, w, units, kernel, padding
    private final int[] weightAt, biasAt;     // per layer, floats into the arena
    private final int[] inSize, outSize;      // per layer, floats of one sample
    private final int ioIn, ioOut, scratchAt;

    /** Whether the loader instantiated the SIMD module in this page (on a memory of its own for the JavaScript build). */
    public static boolean available() {
        return PlatformDetector.isWebAssemblyGC() ? loaded() : loaded() && hasOwnMemory();
    }

    /** Attaches SIMD layers to the frozen {@code net} and returns them, or null when {@link #available()} is false. */
    public static SimdLayers attach(Sequential net) {
        if (!available()) {
            return null;
        }
        SimdLayers s = new SimdLayers(net);
        net.accelerate(s);
        return s;
    }

    private SimdLayers(Sequential net) {
        int layers = net.layerCount(), n = net.capacity();
        kind = new int[layers];
        dims = new int[layers][];
        weightAt = new int[layers];
        biasAt = new int[layers];
        inSize = new int[layers];
        outSize = new int[layers];
        float[] p = net.params();
        int[] wOffs = new int[layers];
        int total = 0, io = 0, scratch = 0;
        for (int i = 0; i < layers; i++) {
            LayerSpec s = net.spec(i);
            int[] in = net.outputShape(i - 1), out = net.outputShape(i);
            int c = in[0], h = in[1], w = in[2];
            if (s.type == LayerSpec.Type.CONV2D && Conv2dWinograd.applies(c, s.kernel, s.stride, s.padding)) {
                kind[i] = WINOGRAD;
                // the raw weights pass through the scratch on their way to U
                scratch = Math.max(scratch, Math.max(Conv2dWinograd.scratchSize(c, h, w, s.units), s.units * c * 9));
            } else if (s.type == LayerSpec.Type.CONV2D && Conv2dImplicitGemm.applies(s.stride)) {
                kind[i] = IMPLICIT;
                scratch = Math.max(scratch, Conv2dImplicitGemm.scratchSize(c, h, w, s.padding));
            } else if (s.type == LayerSpec.Type.DENSE) {
                kind[i] = DENSE;
            } else {
                continue;
            }
            dims[i] = new int[]{c, h, w, s.units, s.kernel, s.padding};
            inSize[i] = c * h * w;
            outSize[i] = out[0] * out[1] * out[2];
            wOffs[i] = net.paramTensor("layer" + i + ".weight").offset;
            weightAt[i] = total;
            total += Arena.round(kind[i] == WINOGRAD ? Conv2dWinograd.weightSize(c, s.units) : net.paramTensor("layer" + i + ".weight").length);
            biasAt[i] = total;
            total += Arena.round(s.units);
            io = Math.max(io, n * Math.max(inSize[i], outSize[i]));
        }
        ioIn = total;
        ioOut = ioIn + Arena.round(io);
        scratchAt = ioOut + Arena.round(io);
        arena = new Arena(scratchAt + Arena.round(scratch));
        for (int i = 0; i < layers; i++) {
            if (kind[i] != NONE) {
                loadWeights(arena, kind[i], dims[i], p, wOffs[i], weightAt[i], scratchAt);
                arena.put(p, net.paramTensor("layer" + i + ".bias").offset, biasAt[i], dims[i][3]);
            }
        }
    }

    @Override
    public boolean forward(int layer, float[] out, float[] in, int n) {
        int k = kind[layer];
        if (k == NONE) {
            return false;
        }
        int[] d = dims[layer];
        arena.put(in, 0, ioIn, n * inSize[layer]);
        run(arena, k, d, arena.address(ioOut), arena.address(ioIn), arena.address(weightAt[layer]), arena.address(biasAt[layer]),
                arena.address(scratchAt), n, inSize[layer], outSize[layer]);
        arena.get(out, 0, ioOut, n * outSize[layer]);
        return true;
    }

    // the layer's weights [units, c, k, k] or [units, in] at p[wOff] into the arena at weightAt, as U for Winograd
    // (computed by the module, from the raw weights put at rawAt first)
    private static void loadWeights(Arena arena, int k, int[] d, float[] p, int wOff, int weightAt, int rawAt) {
        int c = d[0], units = d[3], count = k == DENSE ? units * c * d[1] * d[2] : units * c * d[4] * d[4];
        if (k == WINOGRAD) {
            arena.put(p, wOff, rawAt, count);
            winogradWeights(arena.address(weightAt), arena.address(rawAt), c, units);
        } else {
            arena.put(p, wOff, weightAt, count);
        }
    }

    // one layer for n samples; addresses are bytes in linear memory
    private static void run(Arena arena, int k, int[] d, int out, int in, int weight, int bias, int scratch, int n, int inSize, int outSize) {
        if (k == DENSE) {
            dense(out, in, weight, bias, n, inSize, d[3]);
            return;
        }
        for (int b = 0; b < n; b++, out += 4 * outSize, in += 4 * inSize) {
            if (k == WINOGRAD) {
                conv2dWinograd(out, in, weight, bias, scratch, d[0], d[1], d[2], d[3]);
            } else {
                conv2dImplicit(out, in, weight, bias, scratch, d[0], d[1], d[2], d[3], d[4], d[5]);
            }
        }
    }

    /**
     * Runs each SIMD function on shapes that reach every edge of its register blocks (odd channel
     * counts and widths, Winograd tiles clipped at the border, dot products of odd length) and on
     * the shipped network's shapes, against a reference on the same inputs (for convolutions the
     * direct loop {@link Conv2d}; for dense layers a loop here that sums in double precision what
     * {@link Dense} computes): the largest difference relative to the reference's largest magnitude,
     * over all cases. For the tests (window.numera.checkKernels); NaN when the module is not available.
     */
    public static double check() {
        if (!available()) {
            return Double.NaN;
        }
        int mark = Arena.mark();
        try {
            return checkAll();
        } finally {
            Arena.release(mark);
        }
    }

    private static double checkAll() {
        double worst = 0;
        int[][] convs = {   // c, h, w, oc, k, pad
                {1, 28, 28, 16, 5, 2}, {2, 9, 11, 6, 3, 1}, {3, 5, 7, 5, 3, 0}, {1, 6, 13, 3, 5, 2},
                {16, 14, 14, 32, 3, 1}, {32, 7, 7, 64, 3, 1}, {5, 9, 6, 7, 3, 1}, {4, 3, 5, 9, 3, 1}};
        for (int[] v : convs) {
            int c = v[0], h = v[1], w = v[2], oc = v[3], k = v[4], pad = v[5];
            int oh = Conv2d.outSize(h, k, 1, pad), ow = Conv2d.outSize(w, k, 1, pad), wCount = oc * c * k * k;
            float[] p = random(wCount + oc, 11 * c + h), x = random(c * h * w, 7 * w + oc), ref = new float[oc * oh * ow];
            Conv2d.forward(ref, x, p, 0, wCount, 1, c, h, w, oc, k, 1, pad);
            boolean wino = Conv2dWinograd.applies(c, k, 1, pad);
            int scratch = wino ? Math.max(Conv2dWinograd.scratchSize(c, h, w, oc), wCount) : Conv2dImplicitGemm.scratchSize(c, h, w, pad);
            worst = Math.max(worst, difference(ref, wino ? WINOGRAD : IMPLICIT, new int[]{c, h, w, oc, k, pad}, p, wino ? Conv2dWinograd.weightSize(c, oc) : wCount,
                    x, 1, scratch));
        }
        int[][] denses = {{2, 19, 7}, {1, 576, 96}, {1, 96, 10}, {3, 4, 5}};   // n, in, out
        for (int[] v : denses) {
            int n = v[0], inF = v[1], outF = v[2];
            float[] p = random(outF * inF + outF, inF + outF), x = random(n * inF, 3 * inF), ref = new float[n * outF];
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < outF; j++) {
                    double s = p[outF * inF + j];
                    for (int i = 0; i < inF; i++) s += (double) p[j * inF + i] * x[b * inF + i];
                    ref[b * outF + j] = (float) s;
                }
            }
            worst = Math.max(worst, difference(ref, DENSE, new int[]{inF, 1, 1, outF, 0, 0}, p, outF * inF, x, n, 0));
        }
        return worst;
    }

    // p: the layer's weights at 0, then its bias; weightSize: floats the weights take in the arena (U for Winograd)
    private static double difference(float[] ref, int k, int[] d, float[] p, int weightSize, float[] x, int n, int scratch) {
        int inSize = x.length / n, outSize = ref.length / n, units = d[3];
        int wAt = 0, bAt = Arena.round(weightSize), inAt = bAt + Arena.round(units), outAt = inAt + Arena.round(x.length);
        int scratchAt = outAt + Arena.round(ref.length);
        Arena a = new Arena(scratchAt + Arena.round(scratch));
        loadWeights(a, k, d, p, 0, wAt, scratchAt);
        a.put(p, p.length - units, bAt, units);
        a.put(x, 0, inAt, x.length);
        run(a, k, d, a.address(outAt), a.address(inAt), a.address(wAt), a.address(bAt), a.address(scratchAt), n, inSize, outSize);
        float[] got = new float[ref.length];
        a.get(got, 0, outAt, got.length);
        double scale = 1e-30, diff = 0;
        for (int i = 0; i < ref.length; i++) {
            scale = Math.max(scale, Math.abs(ref[i]));
            diff = Math.max(diff, Math.abs(ref[i] - got[i]));   // NaN makes diff NaN: never passes a bound
            if (got[i] != got[i]) {
                return Double.NaN;
            }
        }
        return diff / scale;
    }

    // values in [-1, 1), xorshift from seed
    private static float[] random(int count, int seed) {
        float[] v = new float[count];
        int x = seed * 0x9E3779B9 | 1;
        for (int i = 0; i < count; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            v[i] = (x >>> 8) * (2f / (1 << 24)) - 1f;
        }
        return v;
    }

    /**
     * Floats of the module's linear memory at a fixed, 16-byte aligned byte address (operands in
     * whole v128 loads): in Wasm GC a direct buffer of the Java module's memory; in JavaScript the
     * next stretch of the module's own memory, given back only by {@link #release} (the network's
     * arena is made once; {@link #check()} gives its own back).
     */
    private static final class Arena {
        private static int jsTop = 16;   // JavaScript: the first free byte of the module's own memory

        private final FloatBuffer floats;   // Wasm GC; null in JavaScript
        private final int first;     // Wasm GC: the float of the buffer at the first 16-byte boundary
        private final int base;      // its byte address

        /** JavaScript: a mark to {@link #release} to; the arenas made after it are then unusable. */
        static int mark() {
            return jsTop;
        }

        static void release(int mark) {
            jsTop = mark;
        }

        Arena(int count) {
            if (!PlatformDetector.isWebAssemblyGC()) {
                floats = null;
                first = 0;
                int end = jsTop + 4 * round(count);
                if (!reserve(end)) {
                    throw new IllegalStateException("the SIMD module's memory cannot grow to " + end + " bytes");
                }
                base = jsTop;
                jsTop = end;
                return;
            }
            ByteBuffer bytes = ByteBuffer.allocateDirect(4 * count + 16).order(ByteOrder.LITTLE_ENDIAN);
            int at = byteOffset(Uint8Array.fromJavaBuffer(bytes));
            if ((at & 3) != 0) {
                throw new IllegalStateException("direct buffer at byte " + at + ", not on a float boundary");
            }
            first = ((16 - (at & 15)) & 15) / 4;
            floats = bytes.asFloatBuffer();
            base = at + 4 * first;
        }

        /** A count rounded up to whole v128s (4 floats). */
        static int round(int count) {
            return (count + 3) & ~3;
        }

        int address(int at) {
            return base + 4 * at;
        }

        void put(float[] src, int from, int at, int count) {
            if (floats == null) {
                copyIn(src, from, base / 4 + at, count);
                return;
            }
            floats.position(first + at);
            floats.put(src, from, count);
        }

        void get(float[] dst, int from, int at, int count) {
            if (floats == null) {
                copyOut(dst, from, base / 4 + at, count);
                return;
            }
            floats.position(first + at);
            floats.get(dst, from, count);
        }
    }

    // JavaScript build: the module's own memory (window.numeraSimdMemory) and numeraSimdHeap, a Float32Array
    // over all of it, made again whenever the memory grows (growing detaches the views made before)
    @JSBody(script = "return !!window.numeraSimdMemory;")
    private static native boolean hasOwnMemory();

    // false when the memory cannot grow that far (grow throws a RangeError)
    @JSBody(params = "bytes", script = "var m = window.numeraSimdMemory, have = m.buffer.byteLength;"
            + "try { if (have < bytes) m.grow(Math.ceil((bytes - have) / 65536)); } catch (e) { return false; }"
            + "if (!window.numeraSimdHeap || numeraSimdHeap.buffer !== m.buffer) window.numeraSimdHeap = new Float32Array(m.buffer);"
            + "return true;")
    private static native boolean reserve(int bytes);

    // Loops rather than set(subarray): a subarray is an object per call, and the pipeline makes no garbage per frame.
    // By reference: in the JavaScript build a float[] is a Float32Array (never called in Wasm GC, where it would be a copy).
    @JSBody(params = {"src", "from", "at", "count"},
            script = "var h = numeraSimdHeap; for (var i = 0; i < count; i++) h[at + i] = src[from + i];")
    private static native void copyIn(@JSByRef(optional = true) float[] src, int from, int at, int count);

    @JSBody(params = {"dst", "from", "at", "count"},
            script = "var h = numeraSimdHeap; for (var i = 0; i < count; i++) dst[from + i] = h[at + i];")
    private static native void copyOut(@JSByRef(optional = true) float[] dst, int from, int at, int count);

    @JSBody(script = "return !!(window.numeraSimd && window.numeraSimd.conv2d_winograd);")
    private static native boolean loaded();

    @JSBody(params = "a", script = "return a.byteOffset;")
    private static native int byteOffset(ArrayBufferView a);

    @JSBody(params = {"out", "inp", "weight", "bias", "scratch", "c", "h", "w", "oc", "k", "pad"},
            script = "numeraSimd.conv2d_implicit(out, inp, weight, bias, scratch, c, h, w, oc, k, pad);")
    private static native void conv2dImplicit(int out, int in, int weight, int bias, int scratch, int c, int h, int w, int oc, int k, int pad);

    @JSBody(params = {"u", "weight", "c", "oc"}, script = "numeraSimd.winograd_weights(u, weight, c, oc);")
    private static native void winogradWeights(int u, int weight, int c, int oc);

    @JSBody(params = {"out", "inp", "u", "bias", "scratch", "c", "h", "w", "oc"},
            script = "numeraSimd.conv2d_winograd(out, inp, u, bias, scratch, c, h, w, oc);")
    private static native void conv2dWinograd(int out, int in, int u, int bias, int scratch, int c, int h, int w, int oc);

    @JSBody(params = {"out", "inp", "weight", "bias", "n", "inF", "outF"},
            script = "numeraSimd.dense(out, inp, weight, bias, n, inF, outF);")
    private static native void dense(int out, int in, int weight, int bias, int n, int inF, int outF);
}
