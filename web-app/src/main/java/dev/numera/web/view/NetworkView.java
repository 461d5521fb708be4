package dev.numera.web.view;

import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import dev.numera.web.jso.RgbaBuffer;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Inside the network": the 28x28 input, the feature maps after each convolution's ReLU as small
 * images (one tile per channel, each scaled to its own maximum), and the hidden dense layers as
 * bars. The sections are built once from the architecture; each prediction redraws with one
 * putImageData per layer (pixels written in place, one memcpy into an ImageData made once:
 * nothing allocated). With no input (empty pad) the canvases are blank; their 2D contexts and
 * buffers are made on the first real drawing, so the page start creates no canvas surface.
 */
public final class NetworkView {
    private static final int TILE_COLUMNS = 8;
    private static final int BAR_HEIGHT = 48;
    /** #457b9d, opaque, as a packed pixel R | G << 8 | B << 16 | A << 24. */
    private static final int BAR_COLOUR = 0xFF9D7B45;

    private final CameraView.Gray input;
    private final int[] layers;      // which layer outputs are shown
    private final boolean[] maps;    // feature maps (true) or bars (false)
    private final HTMLCanvasElement[] canvases;
    private final CanvasRenderingContext2D[] ctx;   // null until the layer is first drawn
    private final RgbaBuffer[] rgba;
    private final ImageData[] images;
    private final int[][] shapes;

    public NetworkView(HTMLDocument doc, Sequential net) {
        HTMLElement box = doc.getElementById("activations");
        input = new CameraView.Gray(section(doc, box, "Input, 28×28 (normalised like MNIST)", 84), 28);
        int n = net.layerCount();
        int count = 0;
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            if (shown(net, i)) {
                chosen[count++] = i;
            }
        }
        layers = new int[count];
        maps = new boolean[count];
        canvases = new HTMLCanvasElement[count];
        ctx = new CanvasRenderingContext2D[count];
        rgba = new RgbaBuffer[count];
        images = new ImageData[count];
        shapes = new int[count][];
        for (int k = 0; k < count; k++) {
            int i = chosen[k];
            int[] s = net.outputShape(i);
            layers[k] = i;
            shapes[k] = s;
            maps[k] = s[1] > 1 || s[2] > 1;
            int c = s[0];
            String title = describe(net, i, s);
            HTMLCanvasElement canvas;
            if (maps[k]) {
                int cols = Math.min(c, TILE_COLUMNS);
                int rows = (c + cols - 1) / cols;
                int w = cols * (s[2] + 1) - 1;
                int h = rows * (s[1] + 1) - 1;
                canvas = section(doc, box, title, Math.min(2 * w, 420));
                canvas.setWidth(w);
                canvas.setHeight(h);
            } else {
                canvas = section(doc, box, title, Math.min(Math.max(3 * c, 120), 420));
                canvas.setWidth(c);
                canvas.setHeight(BAR_HEIGHT);
                Js.setStyle(canvas, "height", BAR_HEIGHT + "px");
            }
            canvases[k] = canvas;
        }
    }

    /** The layer's context, pixels and ImageData, made on its first drawing. */
    private void prepare(int k) {
        if (ctx[k] == null) {
            HTMLCanvasElement c = canvases[k];
            ctx[k] = (CanvasRenderingContext2D) c.getContext("2d");
            rgba[k] = new RgbaBuffer(c.getWidth() * c.getHeight());
            images[k] = ctx[k].createImageData(c.getWidth(), c.getHeight());
        }
    }

    /** Feature maps after activation (or pooling when there is none); hidden dense layers after ReLU. */
    private static boolean shown(Sequential net, int i) {
        LayerSpec.Type t = net.spec(i).type;
        LayerSpec.Type next = i + 1 < net.layerCount() ? net.spec(i + 1).type : null;
        if (i + 1 >= net.layerCount()) {
            return false; // the logits: the probability bars already show them
        }
        return t == LayerSpec.Type.RELU || t == LayerSpec.Type.SIGMOID
                || (t == LayerSpec.Type.CONV2D && next != LayerSpec.Type.RELU && next != LayerSpec.Type.BATCHNORM);
    }

    private static String describe(Sequential net, int i, int[] s) {
        int from = i;
        while (from > 0 && (net.spec(from).type == LayerSpec.Type.RELU || net.spec(from).type == LayerSpec.Type.BATCHNORM
                || net.spec(from).type == LayerSpec.Type.SIGMOID)) {
            from--;
        }
        String shape = s[1] > 1 || s[2] > 1 ? s[0] + " maps of " + s[1] + "×" + s[2] : s[0] + " units";
        return "Layer " + (i + 1) + ": " + net.spec(from) + " → " + net.spec(i).type.label + ", " + shape;
    }

    private static HTMLCanvasElement section(HTMLDocument doc, HTMLElement box, String title, int cssWidth) {
        HTMLElement div = doc.createElement("div");
        div.setClassName("layer");
        HTMLElement h = doc.createElement("h3");
        h.setTextContent(title);
        HTMLCanvasElement c = (HTMLCanvasElement) doc.createElement("canvas");
        c.setAttribute("aria-hidden", "true");
        Js.setStyle(c, "width", cssWidth + "px");
        div.appendChild(h);
        div.appendChild(c);
        box.appendChild(div);
        return c;
    }

    public void show(Prediction p) {
        if (!p.hasActivations()) { // no input: blank, as at the start
            input.clear();
            for (int k = 0; k < layers.length; k++) {
                if (ctx[k] != null) {
                    ctx[k].clearRect(0, 0, canvases[k].getWidth(), canvases[k].getHeight());
                }
            }
            return;
        }
        input.draw(p.input());
        for (int k = 0; k < layers.length; k++) {
            prepare(k);
            float[] a = p.activation(layers[k]);
            if (maps[k]) {
                drawMaps(k, a);
            } else {
                drawBars(k, a);
            }
        }
    }

    private void drawMaps(int k, float[] a) {
        int c = shapes[k][0];
        int h = shapes[k][1];
        int w = shapes[k][2];
        int cols = Math.min(c, TILE_COLUMNS);
        int width = cols * (w + 1) - 1;
        int[] out = rgba[k].pixels();
        java.util.Arrays.fill(out, 0); // the gaps between tiles stay transparent
        for (int ch = 0; ch < c; ch++) {
            int base = ch * h * w;
            float max = 1e-6f;
            for (int j = 0; j < h * w; j++) {
                max = Math.max(max, a[base + j]);
            }
            int ox = (ch % cols) * (w + 1);
            int oy = (ch / cols) * (h + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = a[base + y * w + x] / max;
                    int g = v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255);
                    out[(oy + y) * width + ox + x] = CameraView.grey(g);
                }
            }
        }
        rgba[k].copyTo(images[k].getData());
        ctx[k].putImageData(images[k], 0, 0);
    }

    /**
     * One bar per unit, |activation| scaled to the layer's maximum, drawn as pixels (the top pixel
     * partly transparent for the fraction): one putImageData instead of a fillRect per unit, whose
     * fractional coordinates would each be a new number object per call.
     */
    private void drawBars(int k, float[] a) {
        int n = shapes[k][0];
        int[] out = rgba[k].pixels();
        java.util.Arrays.fill(out, 0);
        float max = 1e-6f;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(a[i]));
        }
        for (int i = 0; i < n; i++) {
            float h = Math.abs(a[i]) / max * BAR_HEIGHT;
            int full = Math.min((int) h, BAR_HEIGHT);
            for (int y = 0; y < full; y++) {
                out[(BAR_HEIGHT - 1 - y) * n + i] = BAR_COLOUR;
            }
            int alpha = (int) ((h - full) * 255 + 0.5f);
            if (full < BAR_HEIGHT && alpha > 0) {
                out[(BAR_HEIGHT - 1 - full) * n + i] = (BAR_COLOUR & 0xFFFFFF) | alpha << 24;
            }
        }
        rgba[k].copyTo(images[k].getData());
        ctx[k].putImageData(images[k], 0, 0);
    }
}
