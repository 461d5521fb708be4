package dev.numera.web.view;

import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A square grey image from ink-high floats 0..1 (white ink on black, like MNIST): the camera's
 * thresholded box and 28x28 input, and the network view's input.
 */
final class Grey {
    private final PixelCanvas view;
    private final int size;

    Grey(HTMLCanvasElement canvas, int size) {
        this.view = new PixelCanvas(canvas, size, size);
        this.size = size;
    }

    void draw(float[] ink) {
        ViewPixels.gray(ink, size * size, view.pixels());
        view.put();
    }

    /** Back to blank, as before the first draw. */
    void clear() {
        view.clear();
    }
}
