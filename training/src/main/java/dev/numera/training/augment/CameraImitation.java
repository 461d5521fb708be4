package dev.numera.training.augment;

import dev.numera.core.image.AdaptiveThreshold;
import dev.numera.core.image.InkCheck;
import dev.numera.core.image.MnistNormalizer;
import dev.numera.core.recognize.DigitInput;
import dev.numera.core.recognize.InputKind;
import dev.numera.training.random.SplitMix64;

/**
 * What the app's camera path makes of a digit written on paper: the 28x28 digit is printed as dark
 * ink on grey paper in the 140x140 target box (random size and place, uneven lighting, optional
 * faint ruled lines, sensor noise), then run through exactly the camera pipeline of
 * {@link dev.numera.core.recognize.Recognizer}: adaptive threshold (15x15, offset 8), then its own code for the rest
 * ({@link DigitInput}: ink check → digit only → thin strokes made bold → area downscale 140→112→56→28 → MNIST normalise). The network thus trains on the binarised,
 * re-normalised look of camera input (hard edges, hollowed thick strokes, threshold specks).
 *
 * <p>The render, per call (every draw from the generator passed in, in a fixed order):
 * <ul>
 * <li>Size: the ink's bounding box (value &gt; 0.05) is scaled, aspect kept, so its longest side
 *     covers 50–90 % of the box; placed at a uniform offset within the free margin. Bilinear
 *     upscaling of the 28x28 coverage (ink value = fraction of ink over the paper).</li>
 * <li>Grey levels: paper 150..235, ink 10..90, mixed linearly by coverage. Lighting: a linear
 *     shadow of 0..60 levels (at the paper level) along a random direction, applied as a factor to
 *     paper and ink alike, as real shading does.</li>
 * <li>Pen: MNIST strokes upscaled 3.5–6.3x are 10–20 px wide, a felt marker; a pen on paper is
 *     thinner. Ink is where the upscaled coverage exceeds a pen level of 0.35..0.8 of its maximum
 *     (with a 0.2 ramp for a soft edge), which gives strokes from marker-thick (the 15x15 threshold
 *     then hollows the widest, as the app does) to pen-thin.</li>
 * <li>Half the time faint ruled lines (1 px, 2..5 levels darker, every 22..40 px): below the
 *     threshold's offset, so they only ever add a speck where noise helps.</li>
 * <li>Noise: triangular (Gaussian-ish) with standard deviation 0..2 levels.</li>
 * <li>Quantised to whole grey levels, as camera bytes are, so the result equals the
 *     {@link dev.numera.core.recognize.Recognizer}'s on the same picture as RGBA bytes.</li>
 * </ul>
 * When the ink check finds no digit (the recogniser would say "no digit"), the image is left
 * unchanged ({@link #lastApplied()} false).
 *
 * <p>Allocation-free per call; one instance per worker (not thread-safe).
 */
public final class CameraImitation implements ImageOp {
    public static final int BOX = 140;
    private static final int SIDE = 28;
    private static final int N = SIDE * SIDE;

    public static final float MIN_FILL = 0.5f;
    public static final float MAX_FILL = 0.9f;
    public static final float PAPER_MIN = 150f;
    public static final float PAPER_MAX = 235f;
    public static final float INK_MIN = 10f;
    public static final float INK_MAX = 90f;
    public static final float SHADOW_MAX = 60f;
    public static final float NOISE_MAX = 2f;
    /** Pen: ink where the upscaled coverage exceeds this fraction of its maximum (higher = thinner). */
    public static final float PEN_MIN = 0.35f;
    public static final float PEN_MAX = 0.8f;
    /** Width of the coverage ramp around the pen level (soft, slightly blurred edges). */
    private static final float PEN_RAMP = 0.2f;

    private final float[] grey = new float[BOX * BOX];
    private final float[] ink = new float[BOX * BOX];
    private final float[] normalised = new float[N];
    /** per box column/row: source pixel index (left/top tap) and weight of the right/bottom tap. */
    private final int[] colIndex = new int[BOX];
    private final float[] colFrac = new float[BOX];
    private final int[] rowIndex = new int[BOX];
    private final float[] rowFrac = new float[BOX];
    private final int[] box = new int[4];   // the digit's ink box: minX, minY, maxX, maxY
    /** the horizontal pass: for each source row (0..27) the upscaled row across the box. */
    private final float[] across = new float[SIDE * BOX];

    private final AdaptiveThreshold threshold = new AdaptiveThreshold(BOX, BOX);
    private final DigitInput digit = new DigitInput(BOX, BOX);
    private boolean applied;
    private String lastReason = InkCheck.NO_INK;

    @Override
    public void apply(float[] images, int offset, SplitMix64 rng) {
        applied = false;
        if (!render(images, offset, rng)) {
            lastReason = InkCheck.NO_INK;
            return;
        }
        runPipeline(images, offset);
    }

    /**
     * Renders the digit at {@code images[offset..offset+784)} as a photo of paper into
     * {@link #grey()} (140x140 grey levels 0..255, whole numbers); false when the image has no ink
     * to render (then the generator has still advanced by the same draws).
     */
    boolean render(float[] images, int offset, SplitMix64 rng) {
        // every draw up front, in a fixed order
        double fill = rng.uniform(MIN_FILL, MAX_FILL);
        double placeX = rng.nextDouble();
        double placeY = rng.nextDouble();
        float paper = (float) rng.uniform(PAPER_MIN, PAPER_MAX);
        float inkLevel = (float) rng.uniform(INK_MIN, INK_MAX);
        float shadow = (float) rng.uniform(0, SHADOW_MAX);
        double shadowAngle = rng.uniform(0, 2 * Math.PI);
        boolean lines = rng.chance(0.5);
        float lineDepth = (float) rng.uniform(2, 5);
        float lineSpacing = (float) rng.uniform(22, 40);
        float linePhase = (float) (rng.nextDouble() * lineSpacing);
        float noise = (float) rng.uniform(0, NOISE_MAX);
        float pen = (float) rng.uniform(PEN_MIN, PEN_MAX);

        if (!Upscale.inkBox(images, offset, SIDE, MnistNormalizer.INK_EPSILON, box)) {
            return false;
        }
        int minX = box[0], minY = box[1], maxX = box[2], maxY = box[3];
        float max = 0f;
        for (int i = offset; i < offset + N; i++) {
            max = Math.max(max, images[i]);
        }
        // coverage -> ink: 0 below lo, 1 above lo + ramp, linear between (v' = (v - lo) * gain)
        float penLo = (pen - 0.5f * PEN_RAMP) * max;
        float penGain = 1f / (PEN_RAMP * max);
        int boxW = maxX - minX + 1;
        int boxH = maxY - minY + 1;
        // box pixels per source pixel; ink box [min, max+1) maps to [origin, origin + side*k)
        float k = (float) (fill * BOX / Math.max(boxW, boxH));
        float originX = (float) (placeX * (BOX - boxW * k));
        float originY = (float) (placeY * (BOX - boxH * k));
        Upscale.taps(originX, minX, k, colIndex, colFrac);
        Upscale.taps(originY, minY, k, rowIndex, rowFrac);

        // box columns whose bilinear taps touch the ink box; everything else is bare paper
        int xLo = BOX;
        int xHi = -1;
        for (int x = 0; x < BOX; x++) {
            if (colIndex[x] >= minX - 1 && colIndex[x] <= maxX) {
                xLo = Math.min(xLo, x);
                xHi = x;
            }
        }
        // horizontal pass for the source rows of the box (plus one either side, for the taps)
        int r0 = Math.max(0, minY - 1);
        int r1 = Math.min(SIDE - 1, maxY + 1);
        for (int sy = r0; sy <= r1; sy++) {
            int src = offset + sy * SIDE;
            int dst = sy * BOX;
            for (int x = xLo; x <= xHi; x++) {
                int i = colIndex[x];
                float f = colFrac[x];
                float a = i >= 0 && i < SIDE ? images[src + i] : 0f;
                float b = i + 1 >= 0 && i + 1 < SIDE ? images[src + i + 1] : 0f;
                across[dst + x] = a + f * (b - a);
            }
        }

        // lighting: factor 1 at the bright end of the gradient, 1 - shadow/paper at the dark end
        float dirX = (float) Math.cos(shadowAngle);
        float dirY = (float) Math.sin(shadowAngle);
        // projection of the box corners onto the direction spans [pMin, pMin + span]
        float pMin = Math.min(0f, dirX * (BOX - 1)) + Math.min(0f, dirY * (BOX - 1));
        float span = (Math.abs(dirX) + Math.abs(dirY)) * (BOX - 1);
        float shade = shadow / paper / span;
        float lightStep = -shade * dirX;
        float noiseScale = noise * (float) Math.sqrt(6.0) / 255f;   // triangular on [-255, 255] has sd 255/sqrt(6)
        for (int y = 0; y < BOX; y++) {
            int i = rowIndex[y];
            float f = rowFrac[y];
            boolean hasA = i >= r0 && i <= r1;
            boolean hasB = i + 1 >= r0 && i + 1 <= r1;
            int rowA = i * BOX;
            int rowB = (i + 1) * BOX;
            boolean onLine = lines && ((y + linePhase) % lineSpacing) < 1f;
            float paperHere = onLine ? paper - lineDepth : paper;
            float inkMinusPaper = inkLevel - paperHere;
            int lo = hasA || hasB ? xLo : BOX;
            float light = 1f - shade * (dirY * y - pMin);
            int out = y * BOX;
            long bits = 0;
            for (int x = 0; x < BOX; x++) {
                float v = 0f;
                if (x >= lo && x <= xHi) {
                    float a = hasA ? across[rowA + x] : 0f;
                    float b = hasB ? across[rowB + x] : 0f;
                    v = (a + f * (b - a) - penLo) * penGain;
                    if (v < 0f) {
                        v = 0f;
                    } else if (v > 1f) {
                        v = 1f;
                    }
                }
                float g = (paperHere + inkMinusPaper * v) * light;
                light += lightStep;
                if ((x & 3) == 0) {                                          // 16 noise bits per pixel
                    bits = rng.nextLong();
                }
                int t = (int) (bits & 0xFF) + (int) ((bits >>> 8) & 0xFF) - 255;   // triangular, -255..255
                bits >>>= 16;
                g += noiseScale * t;
                int q = (int) (g + 0.5f);                                    // a camera byte
                grey[out + x] = q < 0 ? 0f : q > 255 ? 255f : q;
            }
        }
        return true;
    }

    /** The camera half of the Recognizer, on {@link #grey()}: the threshold, then the rest of its steps ({@link DigitInput}). */
    private void runPipeline(float[] images, int offset) {
        threshold.apply(grey, ink);
        lastReason = digit.toInput(ink, ink, InputKind.CAMERA, threshold, normalised);
        if (lastReason == null) {
            System.arraycopy(normalised, 0, images, offset, N);
            applied = true;
        }
    }

    /** The last rendered photo: 140x140 grey levels 0..255 (paper bright), row-major. Live buffer. */
    public float[] grey() {
        return grey;
    }

    /** The last threshold output, 140x140, ink 1 / paper 0. Live buffer. */
    public float[] thresholded() {
        return ink;
    }

    /** Whether the last call replaced the image (false: no ink, or the ink check said "no digit"). */
    public boolean lastApplied() {
        return applied;
    }

    /** Why the last call left the image unchanged (an {@link InkCheck} reason); null when applied. */
    public String lastReason() {
        return lastReason;
    }
}
