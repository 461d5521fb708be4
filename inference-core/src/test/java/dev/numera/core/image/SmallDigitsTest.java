package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import org.junit.jupiter.api.Test;

/**
 * Small digits, with the shipped model: MNIST test digits drawn 40 px tall on the 280 px pad and held
 * ~40 px tall in the 140 px camera box. Normalised from the 28 px downscale, where they are 4-8 px
 * tall, the first 500 read 247 and 478 times right; from the finer image {@link MultiStepNormalizer}
 * picks, 498 and 488 times (492 held once a "1" needs only 0.35 % of the box as ink, not 0.5 %).
 */
class SmallDigitsTest {
    static final int COUNT = 500;

    /** MNIST digit i bilinearly enlarged k times (its 28 px frame to 28k) with its frame's corner at (x, y) of a side x side image. */
    static float[] place(float[] digit, int k, int x, int y, int side) {
        float[] big = Images.bilinear(digit, 28, 28, 28 * k, 28 * k);
        float[] out = new float[side * side];
        for (int r = 0; r < 28 * k; r++) {
            for (int c = 0; c < 28 * k; c++) {
                out[(y + r) * side + x + c] = Math.min(1f, Math.max(0f, big[r * 28 * k + c]));
            }
        }
        return out;
    }

    @Test
    void digitsDrawn40PxTallOnThePadAreRead() throws Exception {
        Recognizer rec = CameraBoxTest.shipped();
        byte[] labels = MnistTestSet.labels();
        Images.Lcg rng = new Images.Lcg(7);
        int right = 0;
        for (int i = 0; i < COUNT; i++) {
            // the frame is 56 px, the digit's ink 40: anywhere on the pad, at every offset to the 10 px grid of 28
            Prediction p = rec.recognizeInk(place(MnistTestSet.digit(i), 2, rng.nextInt(224), rng.nextInt(224), 280), 280, 280, InputKind.DRAWN);
            right += p.digit() == labels[i] ? 1 : 0;
        }
        System.out.println("pad, " + COUNT + " MNIST test digits 40 px tall: " + right + " read right");
        assertTrue(right >= 0.97 * COUNT, right + " of " + COUNT);
    }

    @Test
    void digitsHeld40PxTallInTheCameraBoxAreRead() throws Exception {
        Recognizer rec = CameraBoxTest.shipped();
        byte[] labels = MnistTestSet.labels();
        int right = 0;
        for (int i = 0; i < COUNT; i++) {
            float[] ink = place(MnistTestSet.digit(i), 2, 39 + i % 7, 42 - i % 5, 140);
            for (int k = 0; k < ink.length; k++) {
                ink[k] = ink[k] > 0.6f ? 1f : 0f;   // a pen's hard edge, not MNIST's soft one
            }
            right += rec.recognizeRgba(Images.onPaper(ink, 200f, 40f), 140, 140, InputKind.CAMERA).digit() == labels[i] ? 1 : 0;
        }
        System.out.println("camera box, " + COUNT + " MNIST test digits 40 px tall: " + right + " read right");
        assertTrue(right >= 0.96 * COUNT, right + " of " + COUNT);
    }
}
