package dev.numera.web.picture;

import dev.numera.web.jso.RgbaBuffer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * "Open a picture": a button that opens the browser's file picker (a hidden file input; the button is what the keyboard
 * and screen readers reach), a picture dropped on the page or pasted, and the picture read from that file. The browser decodes it (any format it shows,
 * turned as its EXIF orientation says) and draws it averaged down to at most {@link #SIDE} px a side, more than enough
 * for a digit that ends as 28x28, and little enough that a 48 MP photo costs no 200 MB array in Java; the same file can
 * be picked again.
 */
public final class PictureInput {
    /**
     * The longest side handed over, px: 8 times the camera box's 140, so that the box's own averaging (Photo) still sees
     * the strokes' edges, while a phone's 8000x6000 photo is 1120x840 (3.8 MB of pixels).
     */
    public static final int SIDE = 1120;

    public interface Listener {
        /**
         * A picture read: {@code rgba} packed pixels (R | G << 8 | B << 16 | A << 24), the first width * height of them;
         * {@code cutShort}: its file was cut off part-way, so part of the picture is missing ({@link Truncated}).
         */
        void pictureRead(int[] rgba, int width, int height, String name, boolean cutShort);

        /** The file could not be read as a picture; {@code message} says so, for the page. */
        void pictureFailed(String message);
    }

    @JSFunctor
    interface Done extends JSObject {
        /**
         * rgba null: the file is no picture the browser can show. head and tail: the file's first and last bytes (up to
         * {@link Truncated#HEAD} and {@link Truncated#TAIL}), null when they could not be read; size: its length.
         */
        void done(Uint8ClampedArray rgba, int width, int height, String name, Int8Array head, Int8Array tail, double size);
    }

    private final Listener listener;
    private final RgbaBuffer pixels = new RgbaBuffer(0);

    public PictureInput(HTMLDocument doc, Listener listener) {
        this.listener = listener;
        HTMLElement button = doc.getElementById("picture-open");
        HTMLElement input = doc.getElementById("picture-file");
        HTMLElement preview = doc.getElementById("picture-img");
        Done done = this::done;
        button.addEventListener("click", e -> input.click());
        input.addEventListener("change", e -> read(takeFile(input), SIDE, preview, done, 1));
        // a picture dropped anywhere on the page, or pasted (a screenshot), is opened too; dropped and not taken, the browser
        // would leave the app to show the file
        doc.addEventListener("dragover", e -> {
            if (carriesFiles(e)) {
                e.preventDefault();
            }
        });
        doc.addEventListener("drop", e -> {
            JSObject file = droppedFile(e);
            if (file != null) {
                e.preventDefault();
                read(file, SIDE, preview, done, droppedFiles(e));
            }
        });
        doc.addEventListener("paste", e -> {
            JSObject file = pastedImage(e);
            if (file != null) {
                e.preventDefault();
                read(file, SIDE, preview, done, 1);
            }
        });
        button.removeAttribute("disabled");   // the page starts it disabled: it does nothing until wired here
    }

    /** The input's file, or null; the input emptied, so that picking the same file again is a change too. */
    @JSBody(params = "input", script = "var picked = input.files && input.files[0]; input.value = ''; return picked || null;")
    private static native JSObject takeFile(HTMLElement input);

    @JSBody(params = "e", script = "var transfer = e.dataTransfer; return !!transfer && Array.prototype.indexOf.call(transfer.types || [], 'Files') >= 0;")
    private static native boolean carriesFiles(Event e);

    @JSBody(params = "e", script = "var transfer = e.dataTransfer; return transfer && transfer.files && transfer.files[0] || null;")
    private static native JSObject droppedFile(Event e);

    @JSBody(params = "e", script = "var transfer = e.dataTransfer; return transfer && transfer.files ? transfer.files.length : 0;")
    private static native int droppedFiles(Event e);

    /** A pasted file that is an image (a screenshot, a picture copied from another page), or null: text is left to the page. */
    @JSBody(params = "e", script = "var clip = e.clipboardData, files = clip && clip.files || [];"
            + " for (var index = 0; index < files.length; index++) { if (/^image\\//.test(files[index].type)) { return files[index]; } } return null;")
    private static native JSObject pastedImage(Event e);

    private void done(Uint8ClampedArray rgba, int width, int height, String name, Int8Array head, Int8Array tail, double size) {
        if (rgba == null) {
            listener.pictureFailed("Numera could not read " + name + " as a picture. It reads what your browser can show:"
                    + " PNG, JPEG, WebP, GIF, BMP and the like.");
            return;
        }
        int[] packed = pixels.copyFrom(rgba);
        boolean cutShort = head != null && tail != null
                && Truncated.picture(head.copyToJavaArray(), tail.copyToJavaArray(), size, packed, width, height);
        listener.pictureRead(packed, width, height, name, cutShort);
    }

    /**
     * Reads a file: decoded through a blob URL (the page's policy allows blob: images; nothing is sent anywhere), shown in
     * {@code preview} (the previous picture's URL let go), drawn no larger than {@code side} px a side with the browser's
     * best smoothing, and handed to {@code done}; one that is no picture the browser can show, to {@code done} with null.
     * A file opened while an earlier one still decodes wins: the earlier one's result is dropped (a large photo then a
     * small one: the large one's came 0.6 s after the small one's and replaced it). Of {@code files} dropped together the
     * first is read, and its name says so ("a.png, the first of 3 files"): the others were read by no one, silently.
     * The file's first and last bytes are read beside the decoding, for {@link Truncated}.
     */
    // (the scripts' own names are long on purpose: TeaVM's JavaScript build renames the parameters to b, c, d, e..., and a
    // local named c or e then hid one; in the first version the side and the callback)
    @JSBody(params = {"file", "side", "preview", "done", "files"}, script = ""
            + "if (!file) { return; }"
            + "var reading = preview.numeraReading = (preview.numeraReading || 0) + 1;"
            + "var fileName = (file.name || 'the pasted picture') + (files > 1 ? ', the first of ' + files + ' files' : ''), blobUrl = URL.createObjectURL(file), picture = new Image();"
            + "var ends = Promise.resolve(null);"
            + "try { ends = Promise.all([file.slice(0, " + Truncated.HEAD + ").arrayBuffer(), file.slice(Math.max(0, file.size - " + Truncated.TAIL + ")).arrayBuffer()])"
            + "  .then(null, function () { return null; }); } catch (noSlices) { }"
            + "picture.onload = function () {"
            + "  if (preview.numeraReading !== reading) { URL.revokeObjectURL(blobUrl); return; }"
            + "  var natW = picture.naturalWidth, natH = picture.naturalHeight;"
            + "  if (!natW || !natH) { picture.onerror(); return; }"
            + "  var scale = Math.min(1, side / Math.max(natW, natH));"
            + "  var outW = Math.max(1, Math.round(natW * scale)), outH = Math.max(1, Math.round(natH * scale));"
            + "  var canvas = document.createElement('canvas'); canvas.width = outW; canvas.height = outH;"
            + "  var g2d = canvas.getContext('2d'); g2d.imageSmoothingEnabled = true; g2d.imageSmoothingQuality = 'high';"
            + "  var pixels = null;"
            + "  try { g2d.drawImage(picture, 0, 0, outW, outH); pixels = g2d.getImageData(0, 0, outW, outH).data; }"
            + "  catch (failure) { picture.onerror(); return; }"
            + "  ends.then(function (endBytes) {"
            + "    if (preview.numeraReading !== reading) { URL.revokeObjectURL(blobUrl); return; }"
            + "    if (preview.src && preview.src.indexOf('blob:') === 0) { URL.revokeObjectURL(preview.src); }"
            + "    preview.src = blobUrl;"
            + "    done(pixels, outW, outH, fileName, endBytes && new Int8Array(endBytes[0]), endBytes && new Int8Array(endBytes[1]), file.size);"
            + "  });"
            + "};"
            + "picture.onerror = function () { picture.onload = picture.onerror = null; URL.revokeObjectURL(blobUrl);"
            + "  if (preview.numeraReading === reading) { done(null, 0, 0, fileName, null, null, 0); } };"
            + "picture.src = blobUrl;")
    private static native void read(JSObject file, int side, HTMLElement preview, Done done, int files);
}
