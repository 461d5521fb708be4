package dev.numera.web.view;

import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.Sequential;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Architecture, parameters, file size, recorded accuracy, runtime and the last recognition's time (pixels to verdict: the rasterising or the threshold, the ink check, and the network when there is a digit). */
public final class ModelPanel {
    private final HTMLElement arch;
    private final HTMLElement params;
    private final HTMLElement size;
    private final HTMLElement accuracy;
    private final HTMLElement time;
    private final HTMLElement badge;
    private final HTMLElement runtimeRow;
    private final boolean wasm;

    /** @param runtime "wasm-gc" or "js" */
    public ModelPanel(HTMLDocument doc, String runtime) {
        arch = doc.getElementById("model-arch");
        params = doc.getElementById("model-params");
        size = doc.getElementById("model-size");
        accuracy = doc.getElementById("model-accuracy");
        time = doc.getElementById("model-time");
        badge = doc.getElementById("runtime-badge");
        runtimeRow = doc.getElementById("model-runtime");
        wasm = runtime.equals("wasm-gc");
        showRuntime(false);
    }

    /** The runtime in the header's badge and in this panel's row, the same facts in both. */
    public void showRuntime(boolean simd) {
        String build = wasm ? "WebAssembly GC" : "JavaScript";
        badge.setTextContent(build + (simd ? (wasm ? " + SIMD" : " + Wasm SIMD") : ""));
        runtimeRow.setTextContent(build + " (TeaVM)" + (simd ? "; conv and dense layers in WebAssembly SIMD" : ""));
    }

    public void showModel(ModelFile file, Sequential net) {
        arch.setTextContent(net.describe());
        params.setTextContent(Fmt.grouped(net.paramCount()) + ", " + file.dtype() + " weights");
        size.setTextContent(Fmt.bytes(file.byteSize()));
        float acc = file.floatMeta(ModelFile.META_ACCURACY, -1f);
        // recorded by `numera train`, a fraction ("0.9931")
        accuracy.setTextContent(acc < 0 ? "not recorded" : Fmt.fixed(acc * 100, 2) + " % on the 10,000 MNIST test digits");
    }

    private int timeShown = Integer.MIN_VALUE;
    /** "0.84 ms", "1.2 ms", "12 ms" by the time in hundredths of a millisecond to two significant digits. */
    private static final TextCache TIMES = new TextCache(10000, k -> k < 0 ? "–" : Fmt.ofTwoSignificant(k) + " ms");
    private final float[] timeMs = new float[1]; // the value Fmt.key reads

    /**
     * Makes every text {@link #showTime} can show for a time under 100 ms (280 of them), once, for a live camera: it then
     * makes none per frame however its times wander. Made as they came, a busy machine's camera met new values for
     * seconds on end (a smoke run beside builds: 5-10 B per frame of strings, char arrays and their copies).
     */
    public void makeTimeTexts() {
        for (int key = 0; key < 10000; key += key < 100 ? 1 : key < 1000 ? 10 : 100) {
            TIMES.get(key);
        }
    }

    /** The last recognition's time; the text is only rewritten when the shown value changes. */
    public void showTime(double ms) {
        timeMs[0] = (float) ms;
        int key = Fmt.key(timeMs, 0, 1, 2);
        key = key >= 0 ? Fmt.twoSignificant(key) : key;
        if (key != timeShown) {
            timeShown = key;
            TextCache.setText(time, TIMES.get(key));
        }
    }
}
