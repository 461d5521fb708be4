package dev.numera.training.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Updates parameters in place from their gradients. {@code grads} is the mean gradient of the
 * loss over the mini-batch, same layout as {@code params}; {@code lr} comes from a
 * {@link LrSchedule}. State (momentum, moments, step count) is kept inside and can be saved to a
 * checkpoint and restored, so a resumed run continues bit for bit.
 */
public interface Optimizer {
    void step(float[] params, float[] grads, float lr);

    /** For train's settings line, e.g. {@code adamw(b1=0.9, b2=0.999, eps=1.0E-8, wd=1.0E-4)}. */
    String describe();

    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;

    /** Helper for state I/O: a float array written as its length and values. */
    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    /** Reads into {@code a}, which must have the written length. */
    static void readFloats(DataInputStream in, float[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) {
            throw new IOException("optimizer state holds " + n + " values, the network has " + a.length);
        }
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
            // a NaN momentum or moment makes its weight NaN at the next step, so no run wrote one (the trainer
            // stops at a NaN weight); an infinite one it may have (Adam's second moment of a huge gradient,
            // which only stops that weight's updates), and resuming it continues that run as it was
            if (Float.isNaN(a[i])) {
                throw new IOException("optimizer state value " + i + " is not a number");
            }
        }
    }
}
