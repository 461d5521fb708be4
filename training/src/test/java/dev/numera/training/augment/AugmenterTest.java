package dev.numera.training.augment;

import dev.numera.training.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmenterTest {
    /** A synthetic "digit": a ring of radius 7 centred at (14, 14), stroke ~2 px. */
    static float[] ring() {
        float[] img = new float[784];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double r = Math.hypot(x - 14, y - 14);
                img[y * 28 + x] = (float) Math.max(0, 1 - Math.abs(r - 7) / 1.2);
            }
        }
        return img;
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void noneIsIdentity() {
        float[] img = ring();
        new Augmenter(AugmentConfig.none()).apply(img, 0, new SplitMix64(1));
        assertArrayEquals(ring(), img);
    }

    @Test
    void affineWithZeroRangesIsExactIdentity() {
        AugmentConfig c = new AugmentConfig("test", 1, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0.3, 0, 1, 0, 0, List.of());
        float[] img = ring();
        new Augmenter(c).apply(img, 0, new SplitMix64(5));
        assertArrayEquals(ring(), img, 1e-6f);
    }

    @Test
    void sameGeneratorSameResultAtAnyOffset() {
        Augmenter a = new Augmenter(AugmentConfig.standard());
        float[] batch = new float[3 * 784];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(ring(), 0, batch, i * 784, 784);
        }
        a.apply(batch, 784, SplitMix64.derive(7, 1, 2));
        a.apply(batch, 2 * 784, SplitMix64.derive(7, 1, 2));
        a.apply(batch, 0, SplitMix64.derive(7, 1, 3));
        assertArrayEquals(Arrays.copyOfRange(batch, 784, 2 * 784), Arrays.copyOfRange(batch, 2 * 784, 3 * 784));
        assertFalse(Arrays.equals(Arrays.copyOfRange(batch, 0, 784), Arrays.copyOfRange(batch, 784, 2 * 784)));
    }

    @Test
    void standardPresetKeepsTheDigitInsideAndRoughlyItsInk() {
        Augmenter a = new Augmenter(AugmentConfig.standard());
        double original = sum(ring());
        for (int k = 0; k < 200; k++) {
            float[] img = ring();
            a.apply(img, 0, SplitMix64.derive(3, k));
            double s = sum(img);
            assertTrue(s > 0.35 * original && s < 3 * original, "ink " + s + " vs " + original);
            double cx = 0;
            double cy = 0;
            for (int i = 0; i < 784; i++) {
                cx += img[i] * (i % 28);
                cy += img[i] * (i / 28);
                assertTrue(img[i] >= 0 && img[i] <= 1.0001f, "pixel out of range " + img[i]);
            }
            assertEquals(14, cx / s, 6);
            assertEquals(14, cy / s, 6);
        }
    }

    @Test
    void extrasRunWithTheirProbability() {
        int[] calls = {0};
        AugmentConfig c = AugmentConfig.none().with(new AugmentConfig.Extra("count", 0.5, () -> (im, off, r) -> calls[0]++));
        Augmenter a = new Augmenter(c);
        float[] img = ring();
        for (int k = 0; k < 1000; k++) {
            a.apply(img, 0, SplitMix64.derive(1, k));
        }
        assertEquals(500, calls[0], 60);
    }

    @Test
    void presetsByName() {
        for (String name : List.of("none", "standard", "app")) {
            assertEquals(name, AugmentConfig.named(name).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugmentConfig.named("calm"));
        assertEquals("unknown augmentation preset 'calm' (one of: none, standard, app)", e.getMessage());
    }

    @Test
    void allocatesNothingPerImage() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Augmenter a = new Augmenter(AugmentConfig.standard());
        float[] img = ring();
        SplitMix64 rng = new SplitMix64(9);
        for (int k = 0; k < 20_000; k++) {         // warm up: let the JIT compile (and escape-analyse)
            a.apply(img, 0, rng);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int k = 0; k < 1000; k++) {
            a.apply(img, 0, rng);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes for 1000 images");
    }
}
