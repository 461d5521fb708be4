package dev.numera.web.view;

import dev.numera.web.jso.RgbaBuffer;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A canvas drawn as whole frames of packed pixels: write {@link #pixels()}, then {@link #put()}
 * (one memcpy into an ImageData made once, one putImageData: nothing allocated per frame). The
 * 2D context, the pixels and the ImageData are made on the first {@link #pixels()}: a canvas's 2D
 * surface costs a few milliseconds, which the page start does not wait for, and a canvas never
 * drawn on stays blank.
 */
final class PixelCanvas {
    private final HTMLCanvasElement canvas;
    private final int width;
    private final int height;
    private CanvasRenderingContext2D ctx;
    private RgbaBuffer rgba;
    private ImageData image;

    PixelCanvas(HTMLCanvasElement canvas, int width, int height) {
        this.canvas = canvas;
        this.width = width;
        this.height = height;
        canvas.setWidth(width);
        canvas.setHeight(height);
    }

    /** [width * height] pixels, row-major, R | G << 8 | B << 16 | A << 24, as last written. */
    int[] pixels() {
        if (ctx == null) {
            ctx = (CanvasRenderingContext2D) canvas.getContext("2d");
            rgba = new RgbaBuffer(width * height);
            image = ctx.createImageData(width, height);
        }
        return rgba.pixels();
    }

    /** Shows the pixels written since the last put. */
    void put() {
        rgba.copyTo(image.getData());
        ctx.putImageData(image, 0, 0);
    }

    /** Back to blank (transparent), as before the first drawing. */
    void clear() {
        if (ctx != null) {
            ctx.clearRect(0, 0, width, height);
        }
    }
}
