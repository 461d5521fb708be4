package dev.numera.training.optim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values computed by hand (SGD) or with a float64 Python transcription of PyTorch's update (Adam). */
class OptimizerTest {
    /** params[0] decayed, params[1] not decayed, params[2] frozen (like a batchnorm running mean). */
    static final ParamLayout LAYOUT = new ParamLayout(3, List.of(
            new ParamLayout.Range(0, 1, true), new ParamLayout.Range(1, 1, false)));

    @Test
    void sgdMomentumWithDecayTwoSteps() {
        Sgd sgd = new Sgd(LAYOUT, 0.9f, false, 0.01f);
        float[] p = {1, 1, 1};
        float[] g = {0.5f, 0.5f, 0.5f};
        sgd.step(p, g, 0.1f);
        assertEquals(0.949f, p[0], 1e-6f);         // g' = 0.5 + 0.01, v = 0.51
        assertEquals(0.95f, p[1], 1e-6f);          // no decay
        assertEquals(1f, p[2]);                     // frozen
        sgd.step(p, g, 0.1f);
        assertEquals(0.852151f, p[0], 1e-6f);      // g' = 0.50949, v = 0.459 + 0.50949
        assertEquals(0.855f, p[1], 1e-6f);         // v = 0.45 + 0.5
    }

    @Test
    void sgdNesterovFirstStep() {
        Sgd sgd = new Sgd(LAYOUT, 0.9f, true, 0.01f);
        float[] p = {1, 1, 1};
        sgd.step(p, new float[] {0.5f, 0.5f, 0.5f}, 0.1f);
        assertEquals(0.9031f, p[0], 1e-6f);        // g + m v = 0.51 + 0.459
        assertEquals(0.905f, p[1], 1e-6f);         // 0.5 + 0.45
    }

    @Test
    void adamAndAdamWTwoSteps() {
        float[][] expect = {
                {0.8733663f, 0.8733663f},          // Adam, no decay
                {0.8544414f, 0.8733663f},          // Adam, L2 0.1 on the decayed parameter only
                {0.8544663f, 0.8733663f},          // AdamW, decoupled 0.1
        };
        Adam[] opts = {Adam.adam(LAYOUT, 0), Adam.adam(LAYOUT, 0.1f), Adam.adamW(LAYOUT, 0.1f)};
        for (int k = 0; k < opts.length; k++) {
            float[] p = {1, 1, 1};
            opts[k].step(p, new float[] {0.5f, 0.5f, 0.5f}, 0.1f);
            opts[k].step(p, new float[] {-0.25f, -0.25f, -0.25f}, 0.1f);
            assertEquals(expect[k][0], p[0], 2e-6f, opts[k].describe());
            assertEquals(expect[k][1], p[1], 2e-6f, opts[k].describe());
            assertEquals(1f, p[2]);
        }
    }

    /** f(p) = 1/2 sum a_i (p_i - c_i)^2 with curvatures from 0.5 to 4: every optimiser finds c. */
    @Test
    void allConvergeOnAQuadraticBowl() {
        ParamLayout layout = new ParamLayout(4, List.of(new ParamLayout.Range(0, 4, true)));
        float[] a = {0.5f, 1f, 2f, 4f};
        float[] c = {3f, -2f, 0.5f, 1f};
        List<Function<ParamLayout, Optimizer>> makers = List.of(
                l -> new Sgd(l, 0f, false, 0f),
                l -> new Sgd(l, 0.9f, false, 0f),
                l -> new Sgd(l, 0.9f, true, 0f),
                l -> Adam.adam(l, 0f),
                l -> Adam.adamW(l, 0f));
        for (Function<ParamLayout, Optimizer> make : makers) {
            Optimizer opt = make.apply(layout);
            LrSchedule lr = opt instanceof Adam ? LrSchedule.cosine(0.1, 0.0, 0, 2000) : LrSchedule.constant(0.1);
            float[] p = new float[4];
            float[] g = new float[4];
            for (int step = 0; step < 2000; step++) {
                for (int i = 0; i < 4; i++) {
                    g[i] = a[i] * (p[i] - c[i]);
                }
                opt.step(p, g, (float) lr.lr(step));
            }
            assertArrayEquals(c, p, 1e-3f, opt.describe());
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() throws IOException {
        ParamLayout layout = new ParamLayout(2, List.of(new ParamLayout.Range(0, 2, true)));
        Adam a = Adam.adamW(layout, 0.01f);
        float[] p = {1, 2};
        a.step(p, new float[] {0.3f, -0.1f}, 0.01f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        Adam b = Adam.adamW(layout, 0.01f);
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] pa = p.clone();
        float[] pb = p.clone();
        a.step(pa, new float[] {0.2f, 0.4f}, 0.01f);
        b.step(pb, new float[] {0.2f, 0.4f}, 0.01f);
        assertArrayEquals(pa, pb, 0f);                // also the step count: the bias corrections depend on it
    }
}
