package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.RgbaBuffer;
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

    /**
     * A square grey image from ink-high floats 0..1 (white ink on black, like MNIST). The context,
     * the pixels and the ImageData are made on the first draw (a canvas's 2D surface costs a few
     * milliseconds, which the page start does not wait for) and reused: a draw writes the pixels in
     * place, copies them into the ImageData in one memcpy and puts it: nothing is allocated per draw.
     */
    public static final class Gray {
        private final HTMLCanvasElement canvas;
        private final int size;
        private CanvasRenderingContext2D ctx;
        private RgbaBuffer pixels;
        private ImageData image;

        public Gray(HTMLCanvasElement canvas, int size) {
            this.canvas = canvas;
            this.size = size;
            canvas.setWidth(size);
            canvas.setHeight(size);
        }

        public void draw(float[] ink) {
            if (ctx == null) {
                ctx = (CanvasRenderingContext2D) canvas.getContext("2d");
                pixels = new RgbaBuffer(size * size);
                image = ctx.createImageData(size, size);
            }
            int[] px = pixels.pixels();
            for (int i = 0; i < size * size; i++) {
                float v = ink[i];
                int g = v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255 + 0.5f);
                px[i] = grey(g);
            }
            pixels.copyTo(image.getData());
            ctx.putImageData(image, 0, 0);
        }

        /** Back to blank (transparent), as before the first draw. */
        public void clear() {
            if (ctx != null) {
                ctx.clearRect(0, 0, size, size);
            }
        }
    }

    /** Opaque grey level g as a packed pixel R | G << 8 | B << 16 | A << 24. */
    static int grey(int g) {
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
