package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;

/** Beside the video: the thresholded box and the 28x28 network input, as the network sees them. */
public final class CameraView {
    private final Gray threshold;
    private final Gray input;

    public CameraView(HTMLDocument doc) {
        threshold = new Gray((HTMLCanvasElement) doc.getElementById("camera-threshold"), 140);
        input = new Gray((HTMLCanvasElement) doc.getElementById("camera-input"), 28);
    }

    public void show(Prediction p) {
        float[] t = p.thresholded();
        if (t != null && p.thresholdedWidth() == 140 && p.thresholdedHeight() == 140) {
            threshold.draw(t);
        }
        input.draw(p.input());
    }

    /** A square grey image from ink-high floats 0..1 (white ink on black, like MNIST); one bulk copy per draw. */
    public static final class Gray {
        private final CanvasRenderingContext2D ctx;
        private final int size;
        private final byte[] rgba;

        public Gray(HTMLCanvasElement canvas, int size) {
            this.size = size;
            canvas.setWidth(size);
            canvas.setHeight(size);
            ctx = (CanvasRenderingContext2D) canvas.getContext("2d");
            rgba = new byte[size * size * 4];
        }

        public void draw(float[] ink) {
            for (int i = 0; i < size * size; i++) {
                float v = ink[i];
                int g = v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255 + 0.5f);
                rgba[4 * i] = (byte) g;
                rgba[4 * i + 1] = (byte) g;
                rgba[4 * i + 2] = (byte) g;
                rgba[4 * i + 3] = (byte) 255;
            }
            ctx.putImageData(ImageData.create(Js.clamped(rgba), size, size), 0, 0);
        }
    }
}
