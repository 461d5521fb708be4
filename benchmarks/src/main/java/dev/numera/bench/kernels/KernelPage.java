package dev.numera.bench.kernels;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The kernel benchmark in the browser: {@link KernelSet} compiled by TeaVM to JavaScript and to
 * WebAssembly GC (benchmarks/target/kernels/{js,wasm}), loaded by bench/pages/kernels-{js,wasm}.html.
 * Exposes {@code window.numeraKernels.run(name, millis)} → "median fastest": ns per operation of the
 * median and the fastest ~20 ms batch ({@link BatchTimer}), timed inside the compiled code with
 * performance.now() (5 µs when cross-origin isolated); "" for an unknown kernel.
 */
public final class KernelPage {
    private KernelPage() {
    }

    @JSFunctor
    public interface Runner extends JSObject {
        String run(String name, int millis);
    }

    public static void main(String[] args) {
        KernelSet k = new KernelSet(null);
        StringBuilder names = new StringBuilder();
        for (String n : KernelSet.NAMES) names.append(names.length() == 0 ? "" : ",").append(n);
        export((name, millis) -> {
            double[] t = BatchTimer.time(k, KernelSet.index(name), millis, KernelPage::now);
            return t == null ? "" : t[0] + " " + t[1];
        }, names.toString());
    }

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(params = {"runner", "names"}, script = "window.numeraKernels = {run: runner, names: names.split(',')};"
            + " document.body.dataset.ready = 'true';")
    static native void export(Runner runner, String names);
}
