package dev.numera.core.recognize;

import dev.numera.core.image.Luminance;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-frame path allocates nothing: the camera loop hands the recognizer the same pixel array
 * every frame, and a frame must make no garbage (in the browser every allocation is GC work on the
 * page's only thread). Measured with the JVM's per-thread allocation counter around many frames,
 * on the shipped architecture with random weights. The browser figure (TeaVM's own runtime
 * included) is the browser benchmark's "camera loop" allocation.
 */
class RecognizerAllocationTest {
    private static final int FRAMES = 40;

    /** The shipped architecture (numera), He-initialised: every kernel the app runs per frame. */
    static Recognizer shippedArchitecture() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{
                LayerSpec.conv2d(16, 5, 1, 2), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(32, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(64, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.flatten(), LayerSpec.dense(96), LayerSpec.relu(), LayerSpec.dropout(0.25f), LayerSpec.dense(10)}, 1);
        Random r = new Random(3);
        for (ParamTensor t : net.paramTensors()) {
            float sd = (float) Math.sqrt(2.0 / (t.length / t.outChannels()));
            for (int i = 0; i < t.length; i++) net.params()[t.offset + i] = t.name.endsWith(".weight") ? (float) r.nextGaussian() * sd : 0f;
        }
        return new Recognizer(net, 0.13f, 0.31f);
    }

    private static long allocatedBytes(Runnable frames) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "skipped: this JVM does not count allocated bytes per thread");
        long id = Thread.currentThread().getId();
        frames.run();                                   // warm-up: buffers for the size, class loading
        // the fewest bytes of three passes: garbage made per frame shows in every pass, while the JIT's own work now and then
        // lands in one (helper-91: ~504 B in the first measured pass with the class run alone, on code that makes none, 0 under -Xint)
        long fewest = Long.MAX_VALUE;
        for (int pass = 0; pass < 3 && fewest > 0; pass++) {
            long before = mx.getThreadAllocatedBytes(id);
            frames.run();
            fewest = Math.min(fewest, mx.getThreadAllocatedBytes(id) - before);
        }
        return fewest;
    }

    @Test
    void cameraFramesAllocateNothing() {
        Recognizer r = shippedArchitecture();
        byte[] rgba = RecognizerTest.paper(RecognizerTest.draw(7, 140, 0.5f, 0, 0), 140);
        int[] pixels = new int[140 * 140];
        for (int i = 0; i < pixels.length; i++) pixels[i] = Luminance.pack(rgba, 4 * i);
        assertTrue(r.recognizeRgba(pixels, 140, 140, InputKind.CAMERA).hasActivations(), "the network must run for the test to mean anything");
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) r.recognizeRgba(pixels, 140, 140, InputKind.CAMERA);
        });
        assertEquals(0, bytes, "camera path: " + bytes + " bytes over " + FRAMES + " frames");
    }

    /** Chalk on a blackboard: the recogniser turns the camera's box dark on light ({@link Photo#lightWriting}) every frame, and makes no garbage either. */
    @Test
    void lightWritingOnADarkGroundAllocatesNothing() {
        Recognizer r = shippedArchitecture();
        byte[] rgba = RecognizerTest.paper(RecognizerTest.draw(7, 140, 0.5f, 0, 0), 140);
        int[] chalk = new int[140 * 140], pixels = new int[140 * 140];
        for (int i = 0; i < chalk.length; i++) chalk[i] = Luminance.pack(rgba, 4 * i) ^ 0xFFFFFF;   // light ink on dark
        System.arraycopy(chalk, 0, pixels, 0, chalk.length);
        assertTrue(r.recognizeRgba(pixels, 140, 140, InputKind.CAMERA).turned(), "taken for light writing");
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) {
                System.arraycopy(chalk, 0, pixels, 0, chalk.length);   // the camera's buffer, refilled each frame
                r.recognizeRgba(pixels, 140, 140, InputKind.CAMERA);
            }
        });
        assertEquals(0, bytes, "chalk frames: " + bytes + " bytes over " + FRAMES + " frames");
    }

    /**
     * A sheet held up in front of something dark (a sticky note before a dark sweater): the check finds the sheet in the box's
     * grey levels and reads only what is on it, and the camera asks the same of a box it would turn as chalk
     * ({@link Recognizer#holdsSheet}); a note inside the box and one in its corner, in turn, make no garbage either.
     */
    @Test
    void aSheetHeldUpInFrontOfSomethingDarkAllocatesNothing() {
        Recognizer r = shippedArchitecture();
        int[] inside = onNote(2, 20, 20, 100), corner = onNote(2, 0, 65, 75);
        assertTrue(r.holdsSheet(inside, 140, 140) && r.holdsSheet(corner, 140, 140), "the notes must be found for the test to mean anything");
        assertTrue(r.recognizeRgba(inside, 140, 140, InputKind.CAMERA).hasActivations(), "the network must run for the test to mean anything");
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) {
                int[] box = i % 2 == 0 ? inside : corner;
                r.holdsSheet(box, 140, 140);
                r.recognizeRgba(box, 140, 140, InputKind.CAMERA);
            }
        });
        assertEquals(0, bytes, "notes before something dark: " + bytes + " bytes over " + FRAMES + " frames");
    }

    /** A drawn shape on a square note (side px from (x0, y0)) in the box, a dark ground (grey 30) around it, as packed pixels. */
    static int[] onNote(int shape, int x0, int y0, int side) {
        byte[] rgba = RecognizerTest.paper(RecognizerTest.draw(shape, 140, side / 250f, x0 + side / 10f, y0 + side / 10f), 140);
        int[] pixels = new int[140 * 140];
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 140, y = i / 140;
            pixels[i] = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side ? Luminance.pack(rgba, 4 * i) : 0xFF1E1E1E;
        }
        return pixels;
    }

    /**
     * The camera running while the pad holds a drawing: the app recognises its 140x140 box every frame and
     * the 280x280 pad on every change (a live stroke, ~20 times a second), on one recognizer. Each size
     * has its own buffers (3.1 MB for the pad's, 0.86 MB for the box's), which must not be remade at every turn.
     */
    @Test
    void cameraAndDrawingInTurnAllocateNothing() {
        Recognizer r = shippedArchitecture();
        float[] ink = RecognizerTest.draw(3, 280, 1f, 0, 0);
        byte[] rgba = RecognizerTest.paper(RecognizerTest.draw(7, 140, 0.5f, 0, 0), 140);
        int[] pixels = new int[140 * 140];
        for (int i = 0; i < pixels.length; i++) pixels[i] = Luminance.pack(rgba, 4 * i);
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) {
                r.recognizeRgba(pixels, 140, 140, InputKind.CAMERA);
                if (i % 3 == 0) r.recognizeInk(ink, 280, 280, InputKind.DRAWN);
            }
        });
        assertEquals(0, bytes, "camera and pad in turn: " + bytes + " bytes over " + FRAMES + " frames");
    }

    @Test
    void otherPerFramePathsAllocateNothing() {
        Recognizer r = shippedArchitecture();
        float[] ink = RecognizerTest.draw(3, 280, 1f, 0, 0);
        byte[] rgba = RecognizerTest.paper(RecognizerTest.draw(2, 140, 0.5f, 0, 0), 140);
        long drawn = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) r.recognizeInk(ink, 280, 280, InputKind.DRAWN);
        });
        assertEquals(0, drawn, "drawing path: " + drawn + " bytes over " + FRAMES + " frames");
        long bytes = allocatedBytes(() -> {
            for (int i = 0; i < FRAMES; i++) r.recognizeRgba(rgba, 140, 140, InputKind.CAMERA);
        });
        assertEquals(0, bytes, "camera path from bytes: " + bytes + " bytes over " + FRAMES + " frames");
    }
}
