package dev.numera.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How often a drawing is recognised while the pen moves ({@link App#nextLiveAt}): every 50 ms where
 * recognition is quick, and never more than a third of the time where it is slow, so that the pen
 * keeps up on a slow phone.
 */
class LivePacingTest {
    /** The share of a pen stroke's time that live recognitions take, each lasting {@code cost} ms, started as early as allowed. */
    private static double busyShare(double cost) {
        double now = 0, busy = 0, next = -1e9;
        while (now < 10_000) {
            if (now >= next) {
                next = App.nextLiveAt(now, now + cost);
                now += cost;
                busy += cost;
            } else {
                now += 1000.0 / 60;   // the next animation frame
            }
        }
        return busy / now;
    }

    @Test
    void quickRecognitionRunsEveryFiftyMilliseconds() {
        assertEquals(150.0, App.nextLiveAt(100, 100.5), 0.6);
        assertEquals(2.0 / 66.7, busyShare(2), 0.01);          // 2 ms, then the next animation frame after 50 ms
    }

    @Test
    void slowRecognitionTakesAtMostAThirdOfTheTime() {
        assertEquals(100 + 40 + 80, App.nextLiveAt(100, 140), 1e-9);
        for (double cost : new double[]{30, 40, 60, 120, 400}) {
            assertEquals(1.0 / 3, busyShare(cost), 0.04, "recognition of " + cost + " ms");
        }
    }
}
