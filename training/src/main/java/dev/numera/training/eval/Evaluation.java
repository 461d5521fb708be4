package dev.numera.training.eval;

import dev.numera.core.kernels.Softmax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Accumulates predictions (true label, class probabilities) and keeps the {@code keepWorst}
 * mistakes made with the highest confidence in the wrong answer, with a copy of their images.
 */
public final class Evaluation {
    private final int classes;
    private final int keepWorst;
    private final long[][] confusion;        // [true][predicted]
    private double confidenceSum;
    private double lossSum;
    private long n;
    private long notANumber;
    /** Min-heap on confidence: the least bad of the kept mistakes is evicted first. */
    private final PriorityQueue<Mistake> worst = new PriorityQueue<>(Comparator.comparingDouble(Mistake::confidence));

    /**
     * A misclassified image.
     *
     * @param index         position in the evaluated set
     * @param image         copy of the input image, row-major
     * @param label         true class
     * @param probabilities the model's probabilities for every class
     */
    public record Mistake(int index, float[] image, int label, float[] probabilities) {
        public int predicted() {
            return argmax(probabilities);
        }

        public float confidence() {
            return probabilities[predicted()];
        }

        /** Classes ordered by probability, most likely first, the first k of them. */
        public int[] top(int k) {
            return Evaluation.top(probabilities, k);
        }
    }

    public Evaluation(int classes, int keepWorst) {
        this.classes = classes;
        this.keepWorst = keepWorst;
        this.confusion = new long[classes][classes];
    }

    /**
     * Records one prediction. {@code probs[probsOff .. +classes)} are the probabilities;
     * {@code images[imageOff .. +imageSize)} the input (copied only if kept as a worst mistake).
     */
    public void add(int index, int label, float[] probs, int probsOff, float[] images, int imageOff, int imageSize) {
        // a NaN output (a damaged model, weights that overflow) is no answer: argmax, every comparison false,
        // took it for class 0, and a model of NaN outputs scored 0.085 with a mean confidence of NaN. Counted
        // apart, and as a digit scored wrong whose loss is NaN; the commands refuse such an evaluation
        if (hasNaN(probs, probsOff, classes)) {
            notANumber++;
            n++;
            lossSum = Double.NaN;
            confidenceSum = Double.NaN;
            return;
        }
        int predicted = argmax(probs, probsOff, classes);
        confusion[label][predicted]++;
        confidenceSum += probs[probsOff + predicted];
        lossSum -= Math.log(Math.max(probs[probsOff + label], 1e-30f));
        n++;
        if (predicted != label && keepWorst > 0) {
            float conf = probs[probsOff + predicted];
            if (worst.size() < keepWorst || conf > worst.peek().confidence()) {
                float[] p = new float[classes];
                System.arraycopy(probs, probsOff, p, 0, classes);
                float[] img = new float[imageSize];
                if (images != null) {
                    System.arraycopy(images, imageOff, img, 0, imageSize);
                }
                worst.add(new Mistake(index, img, label, p));
                if (worst.size() > keepWorst) {
                    worst.poll();
                }
            }
        }
    }

    public long count() {
        return n;
    }

    /** How many of the {@link #count} digits got an output that is not a number: no answer at all. */
    public long notANumber() {
        return notANumber;
    }

    private static boolean hasNaN(float[] a, int off, int k) {
        for (int i = 0; i < k; i++) {
            if (Float.isNaN(a[off + i])) {
                return true;
            }
        }
        return false;
    }

    public long correct() {
        long c = 0;
        for (int i = 0; i < classes; i++) {
            c += confusion[i][i];
        }
        return c;
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) correct() / n;
    }

    /** Mean cross-entropy of the true class. */
    public double meanLoss() {
        return n == 0 ? 0 : lossSum / n;
    }

    /** Mean probability of the predicted class. */
    public double meanConfidence() {
        return n == 0 ? 0 : confidenceSum / n;
    }

    /**
     * How a class with no examples shows its accuracy (NaN in {@link #perClassAccuracy}, null in metrics.json). ASCII, as all
     * the console's own text: under a C/POSIX locale Java 17 prints anything else as '?'.
     */
    public static final String NO_DIGITS = "-";

    /** Recall per class: correct / examples of that class (NaN when a class has none). */
    public double[] perClassAccuracy() {
        double[] acc = new double[classes];
        for (int t = 0; t < classes; t++) {
            long total = 0;
            for (int p = 0; p < classes; p++) {
                total += confusion[t][p];
            }
            acc[t] = total == 0 ? Double.NaN : (double) confusion[t][t] / total;
        }
        return acc;
    }

    /** A copy of the confusion matrix, [true][predicted]. */
    public long[][] confusion() {
        long[][] c = new long[classes][];
        for (int i = 0; i < classes; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    public int classes() {
        return classes;
    }

    /** The kept mistakes, most confident first (ties: lower index first). */
    public List<Mistake> worstMistakes() {
        List<Mistake> list = new ArrayList<>(worst);
        list.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::index));
        return list;
    }

    /** The one-line result {@code numera evaluate} prints last, for scripts: {@code accuracy=0.9967 n=10000}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "accuracy=%.4f n=%d", accuracy(), n);
    }

    /** Multi-line human report: accuracy, mean confidence, per-class accuracy, confusion matrix. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "accuracy        %.4f (%d of %d correct)%n", accuracy(), correct(), n));
        sb.append(String.format(Locale.ROOT, "mean confidence %.4f%n", meanConfidence()));
        sb.append(String.format(Locale.ROOT, "mean loss       %.4f%n", meanLoss()));
        sb.append("per-class accuracy\n");
        double[] pc = perClassAccuracy();
        for (int i = 0; i < classes; i++) {   // a class with no digits among those scored has no accuracy: "–", not NaN
            sb.append(String.format(Locale.ROOT, "  %d  %s%n", i, Double.isNaN(pc[i]) ? NO_DIGITS : String.format(Locale.ROOT, "%.4f", pc[i])));
        }
        sb.append("confusion matrix (rows: true digit, columns: predicted)\n      ");
        for (int p = 0; p < classes; p++) {
            sb.append(String.format(Locale.ROOT, "%6d", p));
        }
        sb.append('\n');
        for (int t = 0; t < classes; t++) {
            sb.append(String.format(Locale.ROOT, "  %d   ", t));
            for (int p = 0; p < classes; p++) {
                sb.append(String.format(Locale.ROOT, "%6d", confusion[t][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether an accuracy of {@code accuracy} on {@code n} digits is no evidence of learning:
     *
     * <pre>accuracy &lt;= p0 + 3 * sqrt(p0 * (1 - p0) / n)</pre>
     *
     * where {@code p0} is the share of the commonest label among those digits
     * ({@link dev.numera.training.data.Dataset#commonestLabelShare}). Chance is not 1/10: always
     * answering the commonest digit, without a look at the pixels, already scores p0, and a network
     * whose units saturated (a learning rate far too high) gives one answer to every image, which
     * scores at most p0. Nor is a score a little above p0 learning: sqrt(p0 (1 - p0) / n) is the
     * standard error of such a guesser's accuracy measured on n digits, and guessing crosses a
     * one-sided margin of three of them about once in 740 tries (normal approximation). So 5,000
     * digits with p0 = 0.11 need more than 0.123, while a few digits get a wide margin and a short
     * run on them is not refused for noise. With too few digits (or one label only) even an
     * accuracy of 1 is within the margin: nothing can be told from them.
     */
    public static boolean learnedNothing(double accuracy, double p0, int n) {
        return accuracy <= chanceCeiling(p0, n);
    }

    /** The highest accuracy that {@link #learnedNothing} still counts as guessing: {@code p0 + 3 * sqrt(p0 * (1 - p0) / n)}. */
    public static double chanceCeiling(double p0, int n) {
        return p0 + 3 * Math.sqrt(p0 * (1 - p0) / n);
    }

    public static int argmax(float[] a) {
        return argmax(a, 0, a.length);
    }

    /** Index (relative to off) of the largest of a[off .. off+k); the first on ties. */
    public static int argmax(float[] a, int off, int k) {
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (a[off + i] > a[off + best]) {
                best = i;
            }
        }
        return best;
    }

    /** The k most probable classes, most probable first (a tie to the lower class). */
    public static int[] top(float[] probs, int k) {
        int[] order = new int[Math.min(k, probs.length)];
        Softmax.top(probs, 0, probs.length, order);
        return order;
    }
}
