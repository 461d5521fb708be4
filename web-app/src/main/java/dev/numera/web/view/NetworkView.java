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

    private final Gray input;
    private final int[] layers;      // which layer outputs are shown
    private final boolean[] maps;    // feature maps (true) or bars (false)
    private final PixelCanvas[] views;
    private final int[][] shapes;

    public NetworkView(HTMLDocument doc, Sequential net) {
        HTMLElement box = doc.getElementById("activations");
        input = new Gray(section(doc, box, "Input, 28×28 (normalised like MNIST)", 84), 28);
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

    /** Feature maps after their activation (a convolution's own output when no activation follows it); hidden dense layers after theirs. */
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
        // each layer as pixels, then one putImageData: a fillRect per bar would make its fractional
        // coordinates a new number object per call
        for (int k = 0; k < layers.length; k++) {
            float[] a = p.activation(layers[k]);
            int[] s = shapes[k];
            if (maps[k]) {
                ViewPixels.maps(a, s[0], s[1], s[2], Math.min(s[0], TILE_COLUMNS), views[k].pixels());
            } else {
                ViewPixels.bars(a, s[0], BAR_HEIGHT, BAR_COLOUR, views[k].pixels());
            }
            views[k].put();
        }
    }
}
