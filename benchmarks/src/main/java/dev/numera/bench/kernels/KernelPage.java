package dev.numera.bench.kernels;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The kernel benchmark in the browser: {@link KernelSet} compiled by TeaVM to JavaScript and to
 * WebAssembly GC (benchmarks/target/kernels/{js,wasm}), loaded by bench/pages/kernels-{js,wasm}.html.
 * Exposes {@code window.numeraKernels.run(name, millis)} → median ns per operation over batches of
 * ~20 ms, timed inside the compiled code with performance.now() (5 µs when cross-origin isolated).
 */
public final class KernelPage {
    private KernelPage() {
    }

    @JSFunctor
    public interface Runner extends JSObject {
        double run(String name, int millis);
    }

    public static void main(String[] args) {
        KernelSet k = new KernelSet(null);
        StringBuilder names = new StringBuilder();
        for (String n : KernelSet.NAMES) names.append(names.length() == 0 ? "" : ",").append(n);
        export((name, millis) -> time(k, name, millis), names.toString());
    }

    static float sink;

    /** Warm-up for a fifth of the budget, then batches of ~20 ms; the median batch's ns/op. */
    static double time(KernelSet k, String name, int millis) {
        int id = KernelSet.index(name);
        if (id < 0) return -1;
        double end = now() + millis / 5.0;
        int reps = 0;
        while (now() < end) {
            sink += k.run(id);
            reps++;
        }
        int perBatch = Math.max(1, (int) Math.ceil(reps * 20.0 / (millis / 5.0)));
        int batches = Math.max(5, (int) (millis * 0.8 / 20));
        double[] ns = new double[batches];
        for (int b = 0; b < batches; b++) {
            double t0 = now();
            for (int i = 0; i < perBatch; i++) sink += k.run(id);
            ns[b] = (now() - t0) * 1e6 / perBatch;
        }
        java.util.Arrays.sort(ns);
        return ns[batches / 2];
    }

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(params = {"runner", "names"}, script = "window.numeraKernels = {run: runner, names: names.split(',')};"
            + " document.body.dataset.ready = 'true';")
    static native void export(Runner runner, String names);
}
