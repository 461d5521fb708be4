package dev.numera.web.view;

import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Inside the network": the 28x28 input, the feature maps after each convolution's ReLU as small
 * images (one tile per channel, each scaled to its own maximum), and the hidden dense layers as
 * bars. The sections are built once from the architecture; each prediction redraws each layer as
 * one {@link PixelCanvas} frame (nothing allocated). With no input (empty pad, no digit found) the canvases are
 * blank, so the page start creates no canvas surface, and the box has class "empty": a line says why and the
 * canvases show as outlines, not black (numera.css). Sections are titled by what they show, not by the layer's index
 * in the network, which counts the pools and flattens between them and matched nothing else on the page.
 */
public final class NetworkView {
    private static final int TILE_COLUMNS = 8;
    private static final int BAR_HEIGHT = 48;
    /** #457b9d, opaque, as a packed pixel R | G << 8 | B << 16 | A << 24. */
    private static final int BAR_COLOUR = 0xFF9D7B45;

    private final Grey input;
    private final LayerView[] views;   // the layer outputs shown, in order
    private final HTMLElement box;
    private boolean empty = true;      // as index.html starts it: class "activations empty"
    private static final JSString BOX = JSString.valueOf("activations"), BOX_EMPTY = JSString.valueOf("activations empty");

    /**
     * One shown layer: which output, its shape [c, h, w], its canvas, and how it is drawn. Two kinds on
     * purpose: the call in {@link #show} stays a virtual call, which TeaVM does not inline. Inlined (each
     * callee had one caller) the pixel loops ended up in App.show, which V8 ran in the JavaScript build
     * through on-stack-replacement code and its deopts, for stretches in float-boxing lower tiers.
     */
    private abstract static class LayerView {
        final int layer;
        final int[] shape;
        final PixelCanvas canvas;

        LayerView(int layer, int[] shape, PixelCanvas canvas) {
            this.layer = layer;
            this.shape = shape;
            this.canvas = canvas;
        }

        /** @param a the layer's output, [shape[0] * shape[1] * shape[2]] */
        abstract void draw(float[] a);
    }

    /** Feature maps as tiles, TILE_COLUMNS to a row. */
    private static final class Maps extends LayerView {
        Maps(int layer, int[] shape, PixelCanvas canvas) {
            super(layer, shape, canvas);
        }

        @Override
        void draw(float[] a) {
            ViewPixels.maps(a, shape[0], shape[1], shape[2], Math.min(shape[0], TILE_COLUMNS), canvas.pixels());
            canvas.put();
        }
    }

    /** A dense layer's units as bars. */
    private static final class Bars extends LayerView {
        Bars(int layer, int[] shape, PixelCanvas canvas) {
            super(layer, shape, canvas);
        }

        @Override
        void draw(float[] a) {
            ViewPixels.bars(a, shape[0], BAR_HEIGHT, BAR_COLOUR, canvas.pixels());
            canvas.put();
        }
    }

    public NetworkView(HTMLDocument doc, Sequential net) {
        box = doc.getElementById("activations");
        input = new Grey(section(doc, box, "Input, 28×28 (normalised like MNIST)", 84), 28);
        int n = net.layerCount();
        int count = 0;
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            if (shown(net, i)) {
                chosen[count++] = i;
            }
        }
        views = new LayerView[count];
        for (int k = 0; k < count; k++) {
            int i = chosen[k];
            int[] s = net.outputShape(i);
            int c = s[0];
            String title = describe(net, i, s);
            if (s[1] > 1 || s[2] > 1) {
                int cols = Math.min(c, TILE_COLUMNS);
                int rows = (c + cols - 1) / cols;
                int w = cols * (s[2] + 1) - 1;
                int h = rows * (s[1] + 1) - 1;
                views[k] = new Maps(i, s, new PixelCanvas(section(doc, box, title, Math.min(2 * w, 420)), w, h));
            } else {
                HTMLCanvasElement canvas = section(doc, box, title, Math.min(Math.max(3 * c, 120), 420));
                Js.setStyle(canvas, "height", BAR_HEIGHT + "px");
                views[k] = new Bars(i, s, new PixelCanvas(canvas, c, BAR_HEIGHT));
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
        return net.spec(from) + (from == i ? "" : " → " + net.spec(i).type.label) + ": " + shape;
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
        if (p.hasActivations() == empty) {
            empty = !empty;
            TextCache.setClass(box, empty ? BOX_EMPTY : BOX);
        }
        if (!p.hasActivations()) { // no input: blank, as at the start
            input.clear();
            for (LayerView v : views) {
                v.canvas.clear();
            }
            return;
        }
        input.draw(p.input());
        // each layer as pixels, then one putImageData: a fillRect per bar would make its fractional
        // coordinates a new number object per call
        for (LayerView v : views) {
            v.draw(p.activation(v.layer));
        }
    }
}
