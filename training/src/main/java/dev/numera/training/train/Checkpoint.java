package dev.numera.training.train;

import dev.numera.training.io.AtomicFiles;
import dev.numera.training.optim.Optimizer;

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
 * {@code --resume} to continue exactly where the run stopped. Written atomically
 * ({@link AtomicFiles}: temporary file, forced to disk, renamed over the old one), so a crash at
 * any moment leaves either the previous checkpoint or the new one, never half of one. The settings
 * that shape the run (see {@link #fingerprint}) must match on resume, and a CRC-32 of everything
 * before it ends the file: a flipped bit must not resume into a silently worse model.
 */
record Checkpoint(int epochsDone, float[] params, float[] best, int bestEpoch, double bestAccuracy,
                  List<EpochMetrics> history, byte[] optimizerState) {
    private static final int MAGIC = 0x4E434B50;   // "NCKP"
    private static final int VERSION = 3;          // 2: the fingerprint names the augmentation and counts the data; 3: the CRC

    /**
     * Everything that changes the weights. The data enter as their sizes: with the fixed
     * validation seed, the training and validation counts determine --limit and --validation.
     * The thread count does not change them (see {@link Trainer}), so a run may resume on another.
     */
    static String fingerprint(Trainer.Settings s, int trainCount, int validationCount) {
        return s.arch().name() + " seed=" + s.seed() + " batch=" + s.batch() + " epochs=" + s.epochs()
                + " optimizer=" + s.optimizer() + " lr=" + s.lr() + " schedule=" + s.schedule() + " wd=" + s.weightDecay()
                + " momentum=" + s.momentum() + " augment=" + s.augment().name() + " calm=" + s.calmEpochs()
                + (s.augment().flagOneP() > 0 ? " flagged=" + s.augment().flagOneP() : "")   // absent when 0: earlier runs' checkpoints resume
                + " train=" + trainCount + " validation=" + validationCount;
    }

    static void write(Path file, String fingerprint, int epochsDone, float[] params, float[] best, int bestEpoch,
                      double bestAccuracy, List<EpochMetrics> history, Optimizer opt) throws IOException {
        // the trainer stops a run whose weights stopped being numbers before it writes (Trainer.Diverged); this is the last guard
        int bad = firstNonFinite(params), badBest = firstNonFinite(best);
        if (bad >= 0 || badBest >= 0) {
            throw new IllegalArgumentException("a checkpoint of weights that are not all finite numbers: "
                    + (bad >= 0 ? "weight " + bad : "best weight " + badBest) + " is not");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(fingerprint);
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
            out.writeInt(crc(bytes.toByteArray(), bytes.size()));
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /** The index of the first value that is NaN or infinite, or -1 when all are finite. */
    static int firstNonFinite(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                return i;
            }
        }
        return -1;
    }

    /** CRC-32 of the first {@code n} bytes. */
    private static int crc(byte[] b, int n) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b, 0, n);
        return (int) c.getValue();
    }

    /**
     * More than any checkpoint of a run of {@code epochs} epochs of a network of {@code paramCount}
     * parameters: at most four float arrays of the network's size (weights, best weights, Adam's two
     * moments), 52 bytes of history per epoch, and the fingerprint (writeUTF: under 64 KiB) with the
     * fixed fields, well within the 1 MiB added.
     */
    static long maxSize(int paramCount, int epochs) {
        return 16L * paramCount + 52L * epochs + (1 << 20);
    }

    /** Reads a checkpoint of the run {@code fingerprint} of {@code runEpochs} epochs whose network has {@code paramCount} parameters. */
    static Checkpoint read(Path file, String fingerprint, int paramCount, int runEpochs) throws IOException {
        // checked before reading it whole: a folder or a device is no checkpoint, and a file of gigabytes ended in OutOfMemoryError
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file + (Files.isDirectory(file) ? " is a folder" : " is not a regular file") + ": move it or use another --out");
        }
        long onDisk = Files.size(file), max = maxSize(paramCount, runEpochs);
        if (onDisk > max) {
            // a larger network's checkpoint is larger: when its head names another run, that is what to say (the
            // settings differ, the file is fine), not to delete it
            String was = runOf(file);
            if (was != null && !was.equals(fingerprint)) {
                throw anotherRun(file, was, fingerprint);
            }
            throw new IOException("checkpoint " + file + " is " + onDisk + " bytes, more than a checkpoint of this run can be ("
                    + max + "): delete it or use another --out");
        }
        byte[] all = Files.readAllBytes(file);   // a checkpoint is the network's size: the CRC is checked before anything is believed
        long size = all.length;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            if (in.readInt() != MAGIC) throw new IOException(file + " is not a Numera checkpoint: move it away or use another --out");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": unsupported checkpoint version " + version + " (delete it or use another --out)");
            if (size < 12 || crc(all, all.length - 4) != java.nio.ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
                throw new IOException("checkpoint " + file + " is corrupt or truncated (CRC mismatch): delete it or use another --out");
            }
            String was = in.readUTF();
            if (!was.equals(fingerprint)) {
                throw anotherRun(file, was, fingerprint);
            }
            int epochs = in.readInt();
            float[] params = readFloats(in);
            float[] best = readFloats(in);
            // the fingerprint names the architecture; this catches a preset whose layers changed since
            if (params.length != paramCount || best.length != paramCount) {
                throw new IOException("checkpoint " + file + " holds " + params.length + " parameters, the network has "
                        + paramCount + " (the architecture changed?): delete it or use another --out");
            }
            // a CRC proves the bytes are the ones written, not that they are numbers: NaN weights resumed into a
            // "diverged" run with advice about the learning rate, NaN best weights into a crash when the model was saved
            boolean badParams = firstNonFinite(params) >= 0;
            if (badParams || firstNonFinite(best) >= 0) {
                throw new IOException("checkpoint " + file + " is damaged (its " + (badParams ? "" : "best ")
                        + "weights are not all finite numbers): delete it or use another --out");
            }
            int bestEpoch = in.readInt();
            double bestAcc = in.readDouble();
            int n = in.readInt();
            if (epochs < 1 || n != epochs || bestEpoch < 1 || bestEpoch > epochs) {
                throw new IOException("checkpoint " + file + " is inconsistent (" + epochs + " epochs done, " + n
                        + " in the history, best " + bestEpoch + "): delete it or use another --out");
            }
            List<EpochMetrics> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int length = in.readInt();
            // bounded by the file itself: a corrupt length must not allocate gigabytes
            if (length < 0 || length > size) {
                throw new IOException("checkpoint " + file + " is corrupt: optimizer state of " + length + " bytes in a file of " + size
                        + ": delete it or use another --out");
            }
            byte[] state = new byte[length];
            in.readFully(state);
            return new Checkpoint(epochs, params, best, bestEpoch, bestAcc, history, state);
        } catch (java.io.EOFException e) {
            // an empty one too: a run killed as its first checkpoint was made, on a file system that does not rename atomically
            throw new IOException("checkpoint " + file + (size == 0 ? " is empty" : " is truncated") + ": delete it or use another --out");
        }
    }

    private static IOException anotherRun(Path file, String was, String fingerprint) {
        return new IOException("checkpoint " + file + " is from another run (" + was + "), this run is (" + fingerprint + "): use the same settings or another --out");
    }

    /** The run a checkpoint's head names (its first 64 KiB only: MAGIC, VERSION, the fingerprint), or null when it names none. */
    private static String runOf(Path file) throws IOException {
        byte[] head = new byte[1 << 16];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(head, 0, n))) {
            return in.readInt() == MAGIC && in.readInt() == VERSION ? in.readUTF() : null;
        } catch (IOException e) {
            return null;   // too short or not UTF-8: no run named
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) throw new IOException("checkpoint holds an implausible array length " + n);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = in.readFloat();
        return a;
    }

    /** The optimiser's state as it was; {@code file}, where it was read from, names a failure. */
    void restoreOptimizer(Optimizer opt, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(optimizerState))) {
            opt.readState(in);
        } catch (IOException e) {
            throw new IOException("checkpoint " + file + " is damaged (" + e.getMessage() + "): delete it or use another --out", e);
        }
    }
}
