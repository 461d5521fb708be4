package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultiStepNormalizerTest {
    /** The 280 px pad's chain is 280→140→112→56→28 (steps 0..4); the box's longest side at each, rounded down. */
    @Test
    void aDigitIsNormalisedFromTheCoarsestImageWhereItSpans14Px() {
        MultiStepNormalizer n = new MultiStepNormalizer(280, 280);
        assertEquals("280\u2192140\u2192112\u219256\u219228", n.downscale().describe());
        assertEquals(4, n.stepFor(200, 120));   // 20 px at 28
        assertEquals(4, n.stepFor(30, 140));    // 14 px at 28, by its height
        assertEquals(3, n.stepFor(139, 20));    // 13 at 28, 27 at 56
        assertEquals(2, n.stepFor(12, 40));     // 8 at 56, 16 at 112
        assertEquals(1, n.stepFor(30, 10));     // 12 at 112, 15 at 140
        assertEquals(0, n.stepFor(10, 27));     // 13 at 140: the pad itself
        MultiStepNormalizer wide = new MultiStepNormalizer(280, 140);   // aspect kept: to 28x14, each axis its own chain
        assertEquals("280x140\u2192140x70\u2192112x56\u219256x28\u219228x14", wide.downscale().describe());
        assertEquals(4, wide.stepFor(140, 10));   // 14 px wide at 28x14
        assertEquals(3, wide.stepFor(10, 70));    // 7 px tall at 28x14, 14 at 56x28
        // from the ink check's box: a 12 x 40 px stroke on the pad, as stepFor(12, 40)
        InkCheck check = new InkCheck(280, 280);
        float[] one = new float[280 * 280];
        Images.fillRect(one, 280, 130, 100, 12, 40, 1f);
        assertEquals(2, n.stepFor(check.check(one)));
        assertThrows(IllegalArgumentException.class, () -> n.stepFor(check.check(new float[280 * 280])));
    }

    /** From the target it is the old two parts, bit for bit; from a finer image, the naive steps' image normalised. */
    @Test
    void normalisesFromTheChosenImageOfTheChain() {
        float[] pad = Images.polyline(280, 280, 5, 130, 100, 134, 140);   // a small "1": 40 px tall
        MultiStepNormalizer n = new MultiStepNormalizer(280, 280);
        float[] out = new float[784];
        assertTrue(n.normalize(pad, 4, out));
        float[] small = new float[784];
        new AreaDownscale(280, 28).apply(pad, small);
        float[] parts = new float[784];
        new MnistNormalizer(28, 28).normalize(small, parts);
        assertArrayEquals(parts, out, 0f);
        float[] ref = pad;
        AreaDownscale d = n.downscale();
        for (int s = 1; s <= 2; s++) {
            ref = AreaDownscaleTest.naiveStep(ref, d.widthAt(s - 1), d.heightAt(s - 1), d.widthAt(s), d.heightAt(s));
        }
        float[] expected = new float[784];
        new MnistNormalizer(112, 112).normalize(ref, expected);
        assertTrue(n.normalize(pad, n.stepFor(5, 41), out));
        assertEquals(2, n.stepFor(5, 41));
        assertArrayEquals(expected, out, 1e-5f);
        // the point of it: from 112 the stroke stays a stroke, dark and narrow; from 28, where it is 4 px tall,
        // it is blown up 5x into a staircase of grey blocks twice as wide
        int[] b112 = Images.box(out, 28, 28, MnistNormalizer.INK_EPSILON), b28 = Images.box(parts, 28, 28, MnistNormalizer.INK_EPSILON);
        int sharp = b112[2] - b112[0] + 1, blob = b28[2] - b28[0] + 1;
        assertTrue(sharp <= 5 && blob >= 7 && Images.max(out) > 0.85f && Images.max(parts) < 0.6f,
                "columns " + sharp + " and max " + Images.max(out) + " from 112, " + blob + " and " + Images.max(parts) + " from 28\n"
                + Images.ascii(out, 28, 28) + "\n" + Images.ascii(parts, 28, 28));
        assertThrows(IllegalArgumentException.class, () -> n.normalize(pad, 5, new float[784]));
        assertThrows(IllegalArgumentException.class, () -> n.normalize(pad, -1, new float[784]));
    }
}
