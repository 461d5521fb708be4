package dev.numera.training.augment;

import dev.numera.training.random.SplitMix64;

/**
 * Applies an {@link AugmentConfig} to 28x28 images in place. One instance per worker thread: it
 * owns preallocated scratch and allocates nothing per image. The result depends only on the image
 * and the generator passed in, never on which thread runs it.
 *
 * <p>Order: a 1's flag ({@link FlagOne}, when the label is given), geometry (affine and elastic,
 * composed into a single bilinear resample so the digit is blurred once, not twice), stroke width,
 * blur, contrast/gamma, then the extra stages.
 */
public final class Augmenter {
    public static final int SIDE = 28;
    private static final int N = SIDE * SIDE;
    /** Rotation and scaling happen about MNIST's centre of mass, not the geometric centre 13.5. */
    private static final double CENTRE = 14.0;

    private final AugmentConfig config;
    private final ImageOp[] extras;
    private final float[] src = new float[N];
    private final float[] dx = new float[N];          // elastic displacement field, x component
    private final float[] dy = new float[N];          // elastic displacement field, y component
    private final float[] tmp = new float[N];
    private final float[] elasticKernel;              // normalised Gaussian, radius 3 sigma
    private final float[] blurKernel = new float[5];  // radius 2, weights set per image
    private final double[] inverse = new double[4];   // A^-1 of the affine map, row-major
    private final SplitMix64 subStream = new SplitMix64(0);
    private final FlagOne flagOne = new FlagOne();

    public Augmenter(AugmentConfig config) {
        this.config = config;
        this.extras = new ImageOp[config.extras().size()];
        for (int i = 0; i < extras.length; i++) {
            extras[i] = config.extras().get(i).factory().get();
        }
        this.elasticKernel = gaussianKernel(config.elasticSigma(), (int) Math.ceil(3 * config.elasticSigma()));
    }

    /** Augments the image at {@code images[offset .. offset+784)} in place, its label unknown: no stage for one digit. */
    public void apply(float[] images, int offset, SplitMix64 rng) {
        apply(images, offset, -1, rng);
    }

    /** Augments the image of digit {@code label} at {@code images[offset .. offset+784)} in place. */
    public void apply(float[] images, int offset, int label, SplitMix64 rng) {
        // Every parameter is drawn up front, in a fixed order, whether or not its op runs, and the
        // elastic field and the extras get their own sub-streams: so switching one op off does
        // not change what the others do to the same image.
        boolean affine = rng.chance(config.affineP());
        double angle = Math.toRadians(rng.symmetric(config.rotationDeg()));
        double s = 1 + rng.symmetric(config.scale());
        double a = 1 + rng.symmetric(config.aspect());
        double shear = Math.tan(Math.toRadians(rng.symmetric(config.shearDeg())));
        double tx = rng.symmetric(config.shiftPx());
        double ty = rng.symmetric(config.shiftPx());
        boolean elastic = rng.chance(config.elasticP());
        boolean stroke = rng.chance(config.strokeP());
        double strokeAmount = rng.symmetric(config.strokeMax());
        boolean blur = rng.chance(config.blurP());
        double blurSigma = rng.uniform(0.3, Math.max(0.3, config.blurSigmaMax()));
        boolean contrast = rng.chance(config.contrastP());
        double gain = Math.exp(rng.symmetric(-Math.log(Math.max(1e-6, config.gainMin()))));
        double gamma = Math.exp(rng.symmetric(config.gammaLog()));
        long elasticSeed = rng.nextLong();
        long extrasSeed = rng.nextLong();
        long flagSeed = rng.nextLong();   // drawn last: the draws above are what they were before flags

        if (label == 1 && config.flagOneP() > 0) {
            SplitMix64 r = subStream;
            r.setState(flagSeed);
            if (r.chance(config.flagOneP())) {
                flagOne.apply(images, offset, r);
            }
        }

        if (affine || elastic) {
            if (elastic) {
                elasticField(elasticSeed);
            }
            // Forward map: p' = A (p - c) + c + t with A = rotation * shear * scale(sx, sy).
            // We sample the source at the inverse: p = A^-1 (p' - c - t) + c.
            double sx = affine ? s * Math.sqrt(a) : 1;
            double sy = affine ? s / Math.sqrt(a) : 1;
            double sh = affine ? shear : 0;
            double th = affine ? angle : 0;
            double cos = Math.cos(th);
            double sin = Math.sin(th);
            // A = [cos -sin; sin cos] * [1 sh; 0 1] * [sx 0; 0 sy]
            double a00 = cos * sx;
            double a01 = (cos * sh - sin) * sy;
            double a10 = sin * sx;
            double a11 = (sin * sh + cos) * sy;
            double det = a00 * a11 - a01 * a10;
            double[] inv = this.inverse;
            inv[0] = a11 / det;
            inv[1] = -a01 / det;
            inv[2] = -a10 / det;
            inv[3] = a00 / det;
            resample(images, offset, inv, affine ? tx : 0, affine ? ty : 0, elastic);
        }
        if (stroke && strokeAmount != 0) {
            strokeWidth(images, offset, (float) strokeAmount);
        }
        if (blur) {
            blur(images, offset, blurSigma);
        }
        if (contrast) {
            intensity(images, offset, (float) gain, gamma);
        }
        if (extras.length > 0) {
            SplitMix64 r = subStream;
            r.setState(extrasSeed);
            for (int i = 0; i < extras.length; i++) {
                if (r.chance(config.extras().get(i).probability())) {
                    extras[i].apply(images, offset, r);
                }
            }
        }
    }

    /** Uniform(-1, 1) noise, Gaussian-smoothed, times alpha: Simard's elastic displacement field. */
    private void elasticField(long seed) {
        SplitMix64 r = subStream;
        r.setState(seed);
        for (int i = 0; i < N; i++) {
            dx[i] = (float) r.symmetric(1);
            dy[i] = (float) r.symmetric(1);
        }
        convolveSeparable(dx, 0, elasticKernel);
        convolveSeparable(dy, 0, elasticKernel);
        float alpha = (float) config.elasticAlpha();
        for (int i = 0; i < N; i++) {
            dx[i] *= alpha;
            dy[i] *= alpha;
        }
    }

    /**
     * out(p') = in(A^-1 (p' + d(p') - c - t) + c), bilinear, zero (paper) outside the image.
     * {@code inv} is A^-1 row-major.
     */
    private void resample(float[] images, int offset, double[] inv, double tx, double ty, boolean elastic) {
        System.arraycopy(images, offset, src, 0, N);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                double qx = x - CENTRE - tx + (elastic ? dx[i] : 0);
                double qy = y - CENTRE - ty + (elastic ? dy[i] : 0);
                double px = inv[0] * qx + inv[1] * qy + CENTRE;
                double py = inv[2] * qx + inv[3] * qy + CENTRE;
                images[offset + i] = bilinear(src, px, py);
            }
        }
    }

    /** Bilinear sample of a 28x28 image at (x, y); pixels outside are 0. */
    static float bilinear(float[] img, double x, double y) {
        if (x <= -1 || y <= -1 || x >= SIDE || y >= SIDE) {
            return 0f;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v00 = pixel(img, x0, y0);
        double v10 = pixel(img, x0 + 1, y0);
        double v01 = pixel(img, x0, y0 + 1);
        double v11 = pixel(img, x0 + 1, y0 + 1);
        return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    private static float pixel(float[] img, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : img[y * SIDE + x];
    }

    /**
     * Moves each pixel toward its grey dilation (amount > 0, thicker strokes) or erosion
     * (amount < 0, thinner) over a 3x3 cross; |amount| = 1 is the full one-pixel operation.
     */
    private void strokeWidth(float[] images, int offset, float amount) {
        boolean dilate = amount > 0;
        float t = Math.abs(amount);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = images[offset + y * SIDE + x];
                float m = v;
                // outside the image counts as paper (0): erosion thins strokes touching the border
                float l = x > 0 ? images[offset + y * SIDE + x - 1] : 0f;
                float r = x < SIDE - 1 ? images[offset + y * SIDE + x + 1] : 0f;
                float u = y > 0 ? images[offset + (y - 1) * SIDE + x] : 0f;
                float d = y < SIDE - 1 ? images[offset + (y + 1) * SIDE + x] : 0f;
                m = dilate ? Math.max(Math.max(m, l), Math.max(Math.max(r, u), d))
                           : Math.min(Math.min(m, l), Math.min(Math.min(r, u), d));
                tmp[y * SIDE + x] = v + t * (m - v);
            }
        }
        System.arraycopy(tmp, 0, images, offset, N);
    }

    private void blur(float[] images, int offset, double sigma) {
        double sum = 0;
        for (int k = -2; k <= 2; k++) {
            double w = Math.exp(-k * k / (2 * sigma * sigma));
            blurKernel[k + 2] = (float) w;
            sum += w;
        }
        for (int k = 0; k < 5; k++) {
            blurKernel[k] /= (float) sum;
        }
        convolveSeparable(images, offset, blurKernel);
    }

    private static void intensity(float[] images, int offset, float gain, double gamma) {
        for (int i = offset; i < offset + N; i++) {
            float v = images[i];
            if (v > 0) {
                float w = gain * (float) Math.pow(v, gamma);
                images[i] = Math.min(1f, w);
            }
        }
    }

    /**
     * In-place separable convolution of a 28x28 image with an odd, symmetric kernel; borders are
     * reflected (like scipy's gaussian_filter), so the sum of weights is preserved everywhere.
     */
    private void convolveSeparable(float[] img, int offset, float[] kernel) {
        int r = kernel.length / 2;
        for (int y = 0; y < SIDE; y++) {            // rows: img -> tmp
            for (int x = 0; x < SIDE; x++) {
                float acc = 0;
                for (int k = -r; k <= r; k++) {
                    acc += kernel[k + r] * img[offset + y * SIDE + reflect(x + k)];
                }
                tmp[y * SIDE + x] = acc;
            }
        }
        for (int y = 0; y < SIDE; y++) {            // columns: tmp -> img
            for (int x = 0; x < SIDE; x++) {
                float acc = 0;
                for (int k = -r; k <= r; k++) {
                    acc += kernel[k + r] * tmp[reflect(y + k) * SIDE + x];
                }
                img[offset + y * SIDE + x] = acc;
            }
        }
    }

    /** Index reflection about the edges (d c b a | a b c d | d c b a), valid for any offset. */
    static int reflect(int i) {
        int period = 2 * SIDE;
        int m = Math.floorMod(i, period);
        return m < SIDE ? m : period - 1 - m;
    }

    static float[] gaussianKernel(double sigma, int radius) {
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double w = Math.exp(-i * i / (2 * sigma * sigma));
            k[i + radius] = (float) w;
            sum += w;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }
}
