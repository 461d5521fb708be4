package dev.numera.training.train;

import dev.numera.training.io.AtomicFiles;
import dev.numera.training.optim.Optimizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state after an epoch: weights, best weights, optimiser state and history, enough for
 * {@code --resume} to continue exactly where the run stopped. Written to a temporary file in the
 * same folder, then renamed over the old one, so a crash at any moment leaves either the previous
 * checkpoint or the new one, never half of one. The settings that shape the run (architecture,
 * seed, threads, batch, epochs, optimiser, schedule) must match on resume.
 */
record Checkpoint(int epochsDone, float[] params, float[] best, int bestEpoch, double bestAccuracy,
                  List<EpochMetrics> history, byte[] optimizerState) {
    private static final int MAGIC = 0x4E434B50;   // "NCKP"
    private static final int VERSION = 1;

    static String fingerprint(Trainer.Settings s) {
        return s.arch().name() + " seed=" + s.seed() + " threads=" + s.threads() + " batch=" + s.batch() + " epochs=" + s.epochs()
                + " optimizer=" + s.optimizer() + " lr=" + s.lr() + " schedule=" + s.schedule() + " wd=" + s.weightDecay()
                + " momentum=" + s.momentum() + " augment=" + s.augment().extras().size() + " calm=" + s.calmEpochs();
    }

    static void write(Path file, Trainer.Settings s, int epochsDone, float[] params, float[] best, int bestEpoch,
                      double bestAccuracy, List<EpochMetrics> history, Optimizer opt) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(fingerprint(s));
                out.writeInt(epochsDone);
                Optimizer.writeFloats(out, params);
                Optimizer.writeFloats(out, best);
                out.writeInt(bestEpoch);
                out.writeDouble(bestAccuracy);
                out.writeInt(history.size());
                for (EpochMetrics m : history) {
                    out.writeInt(m.epoch());
                    out.writeDouble(m.trainLoss());
                    out.writeDouble(m.trainAccuracy());
                    out.writeDouble(m.validationLoss());
                    out.writeDouble(m.validationAccuracy());
                    out.writeDouble(m.learningRate());
                    out.writeDouble(m.seconds());
                }
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                try (DataOutputStream so = new DataOutputStream(state)) {
                    opt.writeState(so);
                }
                out.writeInt(state.size());
                out.write(state.toByteArray());
            }
            AtomicFiles.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Checkpoint read(Path file, Trainer.Settings s) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) throw new IOException(file + " is not a Numera checkpoint");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": unsupported checkpoint version " + version);
            String was = in.readUTF(), now = fingerprint(s);
            if (!was.equals(now)) {
                throw new IOException("checkpoint " + file + " is from another run (" + was + "), this run is (" + now + "): use the same settings or another --out");
            }
            int epochs = in.readInt();
            float[] params = readFloats(in);
            float[] best = readFloats(in);
            int bestEpoch = in.readInt();
            double bestAcc = in.readDouble();
            int n = in.readInt();
            List<EpochMetrics> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble()));
            }
            byte[] state = new byte[in.readInt()];
            in.readFully(state);
            return new Checkpoint(epochs, params, best, bestEpoch, bestAcc, history, state);
        } catch (java.io.EOFException e) {
            throw new IOException("checkpoint " + file + " is truncated");
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) throw new IOException("checkpoint holds an implausible array length " + n);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = in.readFloat();
        return a;
    }

    void restoreOptimizer(Optimizer opt) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(optimizerState))) {
            opt.readState(in);
        }
    }
}
