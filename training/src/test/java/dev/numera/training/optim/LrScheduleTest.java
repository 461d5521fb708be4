package dev.numera.training.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LrScheduleTest {
    @Test
    void cosineWithWarmup() {
        LrSchedule s = LrSchedule.cosine(1.0, 0.0, 10, 110);
        assertEquals(0.1, s.lr(0), 1e-12);
        assertEquals(1.0, s.lr(9), 1e-12);
        assertEquals(1.0, s.lr(10), 1e-12);
        assertEquals(0.5, s.lr(60), 1e-12);        // half-way through the cosine
        assertEquals(0.0, s.lr(110), 1e-12);
        assertEquals(0.8535533905932737, s.lr(35), 1e-12);     // (1 + cos(pi/4)) / 2, a quarter in
    }

    /**
     * Values of PyTorch's OneCycleLR(max_lr=1, total_steps=100) with its defaults (pct_start 0.3,
     * div_factor 25, final_div_factor 1e4): phases end at steps 29 and 99.
     */
    @Test
    void oneCycle() {
        LrSchedule s = LrSchedule.oneCycle(1.0, 100, 0.3, 25, 1e4);
        assertEquals(0.04, s.lr(0), 1e-12);
        assertEquals(1.0, s.lr(29), 1e-12);
        assertEquals(0.49401332387899954, s.lr(14), 1e-12);     // 1 + (0.04 - 1) / 2 (cos(pi 14/29) + 1)
        assertEquals(4e-6, s.lr(99), 1e-15);
        assertEquals(4e-6 + (1 - 4e-6) / 2, s.lr(64), 1e-12);   // middle of the down phase
    }

    /** The trainer's arguments (pct 0.25, final divisor 1e3): the peak at step 24, the end at 1/25/1e3. */
    @Test
    void oneCycleAsTheTrainerUsesIt() {
        LrSchedule s = LrSchedule.oneCycle(1.0, 100, 0.25, 25, 1e3);
        assertEquals(0.04, s.lr(0), 1e-12);
        assertEquals(1.0, s.lr(24), 1e-12);
        assertEquals(4e-5, s.lr(99), 1e-15);
    }
}
