package dev.numera.training.optim;

/**
 * Learning rate as a pure function of the optimiser step (0-based, counted over the whole run),
 * so a resumed run gets exactly the rates it would have had. {@code totalSteps} = epochs x batches
 * per epoch.
 */
@FunctionalInterface
public interface LrSchedule {
    double lr(long step);

    static LrSchedule constant(double lr) {
        return step -> lr;
    }

    /**
     * Linear warm-up from 0 to lr over {@code warmup} steps (the first step gets lr/warmup), then
     * half a cosine from lr down to {@code minLr} at {@code totalSteps}; minLr after that.
     */
    static LrSchedule cosine(double lr, double minLr, long warmup, long totalSteps) {
        if (warmup < 0 || totalSteps <= warmup) {
            throw new IllegalArgumentException("need 0 <= warmup < total steps: " + warmup + ", " + totalSteps);
        }
        return step -> {
            if (step < warmup) {
                return lr * (step + 1) / warmup;
            }
            if (step >= totalSteps) {
                return minLr;
            }
            double progress = (double) (step - warmup) / (totalSteps - warmup);
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    /**
     * One-cycle (Smith and Topin 2017), PyTorch's {@code OneCycleLR} with cosine annealing and
     * three-phase off: from maxLr/divFactor up to maxLr over the first {@code pctStart} of the steps,
     * then down to maxLr/(divFactor x finalDivFactor) at the last step.
     */
    static LrSchedule oneCycle(double maxLr, long totalSteps, double pctStart, double divFactor, double finalDivFactor) {
        double initial = maxLr / divFactor;
        double fin = initial / finalDivFactor;
        // PyTorch: phase 1 ends at step pct*total - 1, phase 2 at total - 1
        double upEnd = pctStart * totalSteps - 1;
        double downEnd = totalSteps - 1;
        if (upEnd <= 0 || downEnd <= upEnd) {
            throw new IllegalArgumentException("one-cycle needs more steps: total " + totalSteps + ", pct " + pctStart);
        }
        return step -> {
            if (step <= upEnd) {
                return cosineBetween(initial, maxLr, step / upEnd);
            }
            if (step >= downEnd) {
                return fin;
            }
            return cosineBetween(maxLr, fin, (step - upEnd) / (downEnd - upEnd));
        };
    }

    /** From {@code start} (pct 0) to {@code end} (pct 1) along half a cosine. */
    private static double cosineBetween(double start, double end, double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }
}
