package dev.numera.training.data;

import dev.numera.training.random.SplitMix64;

import java.util.Arrays;

/**
 * Holds out a fixed, seeded subset of the training digits for model selection (early stopping,
 * best checkpoint, hyper-parameters), so the test digits are never used for any choice.
 * The same seed and size always hold out the same digits, whatever the training seed.
 */
public record ValidationSplit(Dataset train, Dataset validation) {
    /** LeCun's 60,000 training digits minus this many for validation ({@code --validation}'s default). */
    public static final int DEFAULT_SIZE = 5_000;
    /** Fixed so the validation set is the same across runs with different training seeds. */
    public static final long DEFAULT_SEED = 20_250_101L;

    /** A seeded random permutation; its first {@code size} indices (sorted) become validation. */
    public static ValidationSplit of(Dataset all, int size, long seed) {
        if (size < 0 || size >= all.count()) {
            throw new IllegalArgumentException("validation size " + size + " must be in 0.." + (all.count() - 1));
        }
        int[] order = SplitMix64.derive(seed, 0x5e11L).permutation(all.count());
        int[] val = Arrays.copyOfRange(order, 0, size);
        int[] train = Arrays.copyOfRange(order, size, order.length);
        Arrays.sort(val);      // keep the file order inside each part: easier to reason about
        Arrays.sort(train);
        return new ValidationSplit(all.subset(train), all.subset(val));
    }
}
