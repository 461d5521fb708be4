package dev.numera.training.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationTest {
    static float[] oneHotish(int cls, float p) {
        float[] probs = new float[10];
        java.util.Arrays.fill(probs, (1 - p) / 9);
        probs[cls] = p;
        return probs;
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
}
