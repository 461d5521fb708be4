package dev.numera.web.view;

import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Inside the network": the 28x28 input, the feature maps after each convolution's ReLU as small
 * images (one tile per channel, each scaled to its own maximum), and the hidden dense layers as
 * bars. The sections are built once from the architecture; each prediction redraws each layer as
 * one {@link PixelCanvas} frame (nothing allocated). With no input (empty pad) the canvases are
 * blank, so the page start creates no canvas surface.
 */
public final class NetworkView {
    private static final int TILE_COLUMNS = 8;
    private static final int BAR_HEIGHT = 48;
    /** #457b9d, opaque, as a packed pixel R | G << 8 | B << 16 | A << 24. */
    private static final int BAR_COLOUR = 0xFF9D7B45;

    private final CameraView.Gray input;
    private final int[] layers;      // which layer outputs are shown
    private final boolean[] maps;    // feature maps (true) or bars (false)
    private final PixelCanvas[] views;
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
        views = new PixelCanvas[count];
        shapes = new int[count][];
        for (int k = 0; k < count; k++) {
            int i = chosen[k];
            int[] s = net.outputShape(i);
            layers[k] = i;
            shapes[k] = s;
            maps[k] = s[1] > 1 || s[2] > 1;
            int c = s[0];
            String title = describe(net, i, s);
            if (maps[k]) {
                int cols = Math.min(c, TILE_COLUMNS);
                int rows = (c + cols - 1) / cols;
                int w = cols * (s[2] + 1) - 1;
                int h = rows * (s[1] + 1) - 1;
                views[k] = new PixelCanvas(section(doc, box, title, Math.min(2 * w, 420)), w, h);
            } else {
                HTMLCanvasElement canvas = section(doc, box, title, Math.min(Math.max(3 * c, 120), 420));
                Js.setStyle(canvas, "height", BAR_HEIGHT + "px");
                views[k] = new PixelCanvas(canvas, c, BAR_HEIGHT);
            }
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
            for (PixelCanvas v : views) {
                v.clear();
            }
            return;
        }
        input.draw(p.input());
        for (int k = 0; k < layers.length; k++) {
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
        int[] out = views[k].pixels();
        java.util.Arrays.fill(out, 0); // the gaps between tiles stay transparent
        for (int ch = 0; ch < c; ch++) {
            int base = ch * h * w;
            float max = 1e-6f;
            for (int j = 0; j < h * w; j++) {
                float v = a[base + j];
                if (v > max) { // not Math.max: see drawBars
                    max = v;
                }
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
        views[k].put();
    }

    /**
     * One bar per unit, |activation| scaled to the layer's maximum, drawn as pixels (the top pixel
     * partly transparent for the fraction): one putImageData instead of a fillRect per unit, whose
     * fractional coordinates would each be a new number object per call.
     */
    private void drawBars(int k, float[] a) {
        int n = shapes[k][0];
        int[] out = views[k].pixels();
        java.util.Arrays.fill(out, 0);
        // The largest magnitude starts from a[0], not from a small constant, and a tiny term keeps the
        // division finite for an all-zero layer: starting from 1e-6f, TeaVM's JavaScript made a new heap
        // number at each new maximum in V8's optimised code (measured: 55 B per camera frame, gone with
        // this). Comparisons, not Math.max/Math.abs: each float passed to a call V8 does not inline is a
        // new heap number too.
        float max = a[0] < 0 ? -a[0] : a[0];
        for (int i = 1; i < n; i++) {
            float v = a[i] < 0 ? -a[i] : a[i];
            if (v > max) {
                max = v;
            }
        }
        float scale = BAR_HEIGHT / (max + 1e-30f);
        for (int i = 0; i < n; i++) {
            float h = (a[i] < 0 ? -a[i] : a[i]) * scale;
            int full = Math.min((int) h, BAR_HEIGHT);
            for (int y = 0; y < full; y++) {
                out[(BAR_HEIGHT - 1 - y) * n + i] = BAR_COLOUR;
            }
            int alpha = (int) ((h - full) * 255 + 0.5f);
            if (full < BAR_HEIGHT && alpha > 0) {
                out[(BAR_HEIGHT - 1 - full) * n + i] = (BAR_COLOUR & 0xFFFFFF) | alpha << 24;
            }
        }
        views[k].put();
    }
}
