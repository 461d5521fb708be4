package dev.numera.training.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {
    static float[] oneHotish(int cls, float p) {
        float[] probs = new float[10];
        java.util.Arrays.fill(probs, (1 - p) / 9);
        probs[cls] = p;
        return probs;
    }

    /** An output that is not a number is no answer: not class 0 (argmax's first on NaN), and counted apart. */
    @Test
    void aNaNOutputIsNoAnswer() {
        Evaluation e = new Evaluation(10, 2);
        float[] nan = new float[10];
        java.util.Arrays.fill(nan, Float.NaN);
        e.add(0, 0, nan, 0, new float[4], 0, 4);
        e.add(1, 3, oneHotish(3, 0.9f), 0, new float[4], 0, 4);
        assertEquals(1, e.notANumber());
        assertEquals(2, e.count());
        assertEquals(0.5, e.accuracy(), 1e-12);          // the NaN one is not right
        assertEquals(0, e.confusion()[0][0]);
        assertTrue(Double.isNaN(e.meanLoss()));
        assertTrue(e.worstMistakes().isEmpty());
    }

    @Test
    void countsAccuracyConfusionAndWorstMistakes() {
        Evaluation e = new Evaluation(10, 2);
        float[] img = new float[4];
        e.add(0, 3, oneHotish(3, 0.9f), 0, img, 0, 4);
        e.add(1, 3, oneHotish(5, 0.6f), 0, img, 0, 4);   // mistake, 0.6
        e.add(2, 7, oneHotish(1, 0.95f), 0, img, 0, 4);  // mistake, 0.95
        e.add(3, 1, oneHotish(7, 0.5f), 0, img, 0, 4);   // mistake, 0.5: evicted (keep 2)
        assertEquals(4, e.count());
        assertEquals(0.25, e.accuracy(), 1e-12);
        assertEquals("accuracy=0.2500 n=4", e.summaryLine());
        assertEquals(1, e.confusion()[3][5]);
        assertEquals(0.5, e.perClassAccuracy()[3], 1e-12);
        assertEquals((0.9 + 0.6 + 0.95 + 0.5) / 4, e.meanConfidence(), 1e-6);
        List<Evaluation.Mistake> worst = e.worstMistakes();
        assertEquals(2, worst.size());
        assertEquals(2, worst.get(0).index());
        assertEquals(1, worst.get(1).index());
        assertArrayEquals(new int[] {1, 0, 2}, worst.get(0).top(3));   // ties resolved to the lower class
    }

    /** The rule worked by hand: an accuracy at or below p0 + 3 sqrt(p0 (1 - p0) / n) learned nothing. */
    @Test
    void learnedNothingMeansWithinThreeStandardErrorsOfTheCommonestDigit() {
        // 0.1 + 3 sqrt(0.1 * 0.9 / 5000) = 0.1 + 3 * 0.00424264 = 0.11272792
        assertEquals(0.11272792, Evaluation.chanceCeiling(0.1, 5000), 1e-8);
        assertTrue(Evaluation.learnedNothing(0.1127, 0.1, 5000));
        assertFalse(Evaluation.learnedNothing(0.1128, 0.1, 5000));
        // MNIST's validation split (commonest digit 0.1100 of 5,000): 0.11 + 3 sqrt(0.11 * 0.89 / 5000) = 0.11 + 3 * 0.00442493;
        // mlp-16 at --lr 1e30 scores 0.0976 there, one epoch at its defaults on 10,000 digits 0.3894
        assertEquals(0.12327479, Evaluation.chanceCeiling(0.11, 5000), 1e-8);
        assertTrue(Evaluation.learnedNothing(0.0976, 0.11, 5000));
        assertFalse(Evaluation.learnedNothing(0.3894, 0.11, 5000));

        // exactly on the line, in binary: 0.5 + 3 sqrt(0.25 / 16) = 0.5 + 3/8 = 0.875, so 14 of 16 is still
        // guessing (the line counts as nothing) and 15 of 16 is learning
        assertEquals(0.875, Evaluation.chanceCeiling(0.5, 16), 0);
        assertTrue(Evaluation.learnedNothing(14 / 16.0, 0.5, 16));
        assertFalse(Evaluation.learnedNothing(15 / 16.0, 0.5, 16));

        // few digits, a wide margin: 10 with p0 0.2 need above 0.2 + 3 sqrt(0.016) = 0.57947, 6 right and not 5;
        // 4 with p0 0.25 above 0.25 + 3 sqrt(0.046875) = 0.89952, all 4
        assertEquals(0.57947332, Evaluation.chanceCeiling(0.2, 10), 1e-8);
        assertTrue(Evaluation.learnedNothing(0.5, 0.2, 10));
        assertFalse(Evaluation.learnedNothing(0.6, 0.2, 10));
        assertTrue(Evaluation.learnedNothing(0.75, 0.25, 4));
        assertFalse(Evaluation.learnedNothing(1, 0.25, 4));
        // too few to tell anything: 4 digits half of one label (0.5 + 3/4 = 1.25), one label only (1 + 0)
        assertTrue(Evaluation.learnedNothing(1, 0.5, 4));
        assertTrue(Evaluation.learnedNothing(1, 1, 1));
        assertTrue(Evaluation.learnedNothing(1, 1, 5000));
    }
}
