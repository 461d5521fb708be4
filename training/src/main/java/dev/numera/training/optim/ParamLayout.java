package dev.numera.training.optim;

import java.util.List;

/**
 * Which slices of the flat parameter array an optimiser updates, and which of them get weight
 * decay. Slices not listed (batchnorm running statistics) are left alone.
 *
 * @param size   length of the parameter array
 * @param ranges trainable slices, non-overlapping
 */
public record ParamLayout(int size, List<Range> ranges) {
    /** {@code params[offset .. offset+length)}; {@code decay}: weight decay applies. */
    public record Range(int offset, int length, boolean decay) {
    }

    public ParamLayout {
        ranges = List.copyOf(ranges);
        for (Range r : ranges) {
            if (r.offset < 0 || r.length < 0 || r.offset + r.length > size) {
                throw new IllegalArgumentException("range " + r + " outside 0.." + size);
            }
        }
    }
}
