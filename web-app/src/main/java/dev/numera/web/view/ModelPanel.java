package dev.numera.web.view;

import dev.numera.core.recognize.Recognizer;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Architecture, parameters, file size, recorded accuracy, runtime and the last inference time. */
public final class ModelPanel {
    private final HTMLElement arch;
    private final HTMLElement params;
    private final HTMLElement size;
    private final HTMLElement accuracy;
    private final HTMLElement time;

    public ModelPanel(HTMLDocument doc, String runtime) {
        arch = doc.getElementById("model-arch");
        params = doc.getElementById("model-params");
        size = doc.getElementById("model-size");
        accuracy = doc.getElementById("model-accuracy");
        time = doc.getElementById("model-time");
        doc.getElementById("model-runtime").setTextContent(
                runtime.equals("wasm-gc") ? "WebAssembly GC (TeaVM)" : "JavaScript (TeaVM)");
    }

    public void showModel(Recognizer r, int fileBytes) {
        size.setTextContent(Fmt.bytes(fileBytes));
        arch.setTextContent("(placeholder)");
        params.setTextContent("–");
        accuracy.setTextContent("–");
    }

    public void showTime(double ms) {
        time.setTextContent(Fmt.fixed(ms, 2) + " ms");
    }
}
