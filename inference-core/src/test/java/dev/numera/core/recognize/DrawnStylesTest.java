package dev.numera.core.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numera.core.image.StrokeRasterizer;
import dev.numera.core.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ways of writing digits that MNIST has few of, drawn on the pad and read by the shipped model through the pad's own
 * path: pen strokes on the 280x280 pad into a {@link StrokeRasterizer} as DrawPad.ink() uses it (the brush fitted to
 * the drawing, 10 px a cell of 28), read by {@link Recognizer#recognizeInk} as DRAWN after an empty pad (a Clear: the
 * last answer would otherwise raise this one's bar, {@link Prediction#SURE_AGAIN}). Each shape is drawn 12 ways: 55 %
 * and 90 % of the pad's height, slanted -15, 0 and 15 degrees, in the middle and off it towards the lower right.
 *
 * <p>Pins what the model reads right and sure today, so that a new model or a change of the pipeline cannot lose a
 * style unnoticed. A wider grid (4 sizes, 5 slants, 3 places; 3,705 reads) found the same: every style right and sure
 * in nearly every variant, but the European 1 with a long, flat flag (read 7) and a 0 slashed past its ring (read 8).
 * 780 reads, 2-3 s.
 */
class DrawnStylesTest {
    private static final int PAD = 280;
    private static final float[] SIZES = {0.55f, 0.9f};     // the digit's height, a fraction of the pad's
    private static final float[] SLANTS = {-15, 0, 15};      // degrees, the top leaning right
    private static final float[] PLACES = {0, 0.6f};        // off the middle by this fraction of the room to the lower right

    /** One way to write a digit: strokes as polylines {x0, y0, x1, y1, ...}; y 0 (top) .. 1 (bottom), x about 0, 1 = the height. */
    record Shape(String style, int digit, double[]... strokes) {
    }

    static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        s.add(new Shape("1 plain", 1, new double[] {0, 0, 0, 1}));
        // the European 1: a flag f of the height long, a degrees below the horizontal, up to the upright's top
        for (double f : new double[] {0.15, 0.25, 0.35, 0.5}) {
            for (int a : new int[] {20, 35, 50, 65}) {
                String style = f > 0.2 && a < 40 ? "1 long flat flag" : "1 flag";
                s.add(new Shape(style, 1, new double[] {-f * cos(a), f * sin(a), 0, 0, 0, 1}));
            }
        }
        for (double f : new double[] {0.25, 0.35}) {
            for (int a : new int[] {35, 50}) {
                s.add(new Shape("1 flag + foot", 1, new double[] {-f * cos(a), f * sin(a), 0, 0, 0, 1}, new double[] {-0.2, 1, 0.2, 1}));
            }
        }
        s.add(new Shape("7 plain", 7, new double[] {-0.3, 0, 0.3, 0, -0.05, 1}));
        // a crossbar len long at mid height, centred on the diagonal; with or without a serif down from the top bar's left end
        for (double len : new double[] {0.3, 0.45}) {
            double[] bar = {0.118 - len / 2, 0.52, 0.118 + len / 2, 0.52};
            s.add(new Shape("7 crossbar", 7, new double[] {-0.3, 0, 0.3, 0, -0.05, 1}, bar));
            s.add(new Shape("7 crossbar", 7, new double[] {-0.3, 0.12, -0.3, 0, 0.3, 0, -0.05, 1}, bar));
        }
        // a short top bar len long, level or drooping, and no crossbar: the 7 nearest a flagged 1
        for (double len : new double[] {0.35, 0.5}) {
            for (int droop : new int[] {0, 15}) {
                s.add(new Shape("7 short bar", 7, new double[] {-len * cos(droop), len * sin(droop), 0, 0, -0.15, 1}));
            }
        }
        // 4 closed: the diagonal and the bar (e past the upright) in one stroke, then the upright;
        // open: the arm from (x, y) down to the bar, the bar, then the upright
        for (double e : new double[] {0.12, 0.22}) {
            s.add(new Shape("4 closed", 4, new double[] {0.12, 0, -0.33, 0.64, 0.12 + e, 0.64}, new double[] {0.12, 0, 0.12, 1}));
        }
        for (double x : new double[] {-0.3, -0.12}) {
            for (double y : new double[] {0, 0.15}) {
                s.add(new Shape("4 open", 4, new double[] {x, y, -0.3, 0.6, 0.35, 0.6}, new double[] {0.15, 0, 0.15, 1}));
            }
        }
        // 9: the loop (d of the height) anticlockwise from its right, then the tail straight down, or curling c to the left
        for (double d : new double[] {0.45, 0.55}) {
            double rx = d / 2 * 0.95, ry = d / 2;
            s.add(new Shape("9 straight tail", 9, join(arc(0, ry, rx, ry, 90, -270), new double[] {rx, 1})));
            for (double c : new double[] {0.15, 0.3}) {
                s.add(new Shape("9 curved tail", 9, join(arc(0, ry, rx, ry, 90, -270), curve(rx, 0.7, rx * 0.8, 0.9, 0, 1, -c, 0.93))));
            }
        }
        // 2: the hook, the diagonal and the base; or with a loop (k times as large) where the diagonal meets the base
        double[] hook = {-0.27, 0.22, -0.12, 0.04, 0.1, 0.01, 0.26, 0.15, 0.22, 0.36};
        s.add(new Shape("2 plain", 2, join(curve(join(hook, new double[] {-0.3, 0.97})), new double[] {0.3, 0.97})));
        for (double k : new double[] {1.0, 1.4, 1.8}) {
            double[] loop = {-0.05, 0.68, -0.2, 0.86, -0.2 - 0.1 * k, 0.86 + 0.03 * k, -0.2 - 0.13 * k, 0.86 - 0.04 * k,
                    -0.2 - 0.07 * k, 0.86 - 0.1 * k, -0.2, 0.86 - 0.05 * k, -0.2 + 0.02 * k, 0.86 + 0.05 * k, -0.2 + 0.1 * k, 0.97};
            s.add(new Shape("2 loop", 2, join(curve(join(hook, loop)), new double[] {0.3, 0.97})));
        }
        // 0 from the top anticlockwise, a little past it; slashed, the slash o past the ring at both ends; or stopping short
        s.add(new Shape("0 plain", 0, arc(0, 0.5, 0.32, 0.5, 0, -370)));
        for (double o : new double[] {0, 0.15}) {
            double x = 0.3 * (1 + o), y = 0.45 * (1 + o);
            s.add(new Shape(o > 0 ? "0 slash past the ring" : "0 slash", 0, arc(0, 0.5, 0.32, 0.5, 0, -370),
                    new double[] {-x, 0.5 + y, x, 0.5 - y}));
        }
        for (double c : new double[] {0.8, 0.88, 0.95}) {
            s.add(new Shape("0 open", 0, arc(0, 0.5, 0.32, 0.5, 0, -360 * c)));
        }
        // 6: the stem down the left into the loop, anticlockwise from the loop's left, closed or c of the way round
        for (double c : new double[] {1.0, 0.9, 0.8, 0.7}) {
            s.add(new Shape(c == 1 ? "6 closed" : "6 open", 6,
                    join(curve(0.18, 0, -0.05, 0.15, -0.2, 0.42, -0.24, 0.73), arc(0, 0.73, 0.24, 0.26, -90, -90 - 360 * c))));
        }
        // 8 in one stroke; or as two rings, the top one first (q times the bottom one's size, a gap g between), each from its top
        s.add(new Shape("8 one stroke", 8, curve(0.18, 0.1, 0, 0, -0.18, 0.1, -0.14, 0.33, 0, 0.45, 0.2, 0.58, 0.25, 0.76, 0.1, 0.97,
                -0.12, 0.97, -0.25, 0.76, -0.18, 0.58, 0, 0.45, 0.14, 0.33, 0.19, 0.12, 0.05, 0)));
        for (double q : new double[] {0.8, 1.0}) {
            for (double g : new double[] {-0.04, 0, 0.06, 0.12}) {
                double rb = (1 - g) / (2 * (1 + q)), rt = q * rb;
                s.add(new Shape("8 two rings", 8, arc(0, rt, 0.9 * rt, rt, 0, -370), arc(0, 2 * rt + g + rb, 0.9 * rb, rb, 0, -370)));
            }
        }
        return s;
    }

    /**
     * Every style reads right and sure in every variant; one known guess: the 1 with a flag half its height at 50 degrees,
     * 55 % of the pad high, slanted 15 degrees, off the middle (1 at 67.7 %, then 7).
     */
    @Test
    void everyStyleReadsRightAndSure() throws Exception {
        Recognizer r = shipped();
        for (String style : shapes().stream().map(Shape::style).distinct().toList()) {
            if (Set.of("7 short bar", "1 long flat flag", "0 slash past the ring").contains(style)) {
                continue;   // their own tests, below
            }
            Tally t = read(r, style);
            int knownGuesses = style.equals("1 flag") ? 1 : 0;
            assertEquals(t.n, t.rightSure + t.rightGuess, style + " read wrong: " + t);
            assertTrue(t.rightSure >= t.n - knownGuesses, style + " read as a guess: " + t);
        }
    }

    /**
     * The American 7 with a short top bar and no crossbar, the 7 nearest a flagged 1, stays a 7: a model trained to read
     * flagged 1s must keep it. One known guess: the 35 % bar drooping 15 degrees, 55 % high, slanted -15 (7 at 69.6 %).
     */
    @Test
    void aSevenWithAShortTopBarStaysASeven() throws Exception {
        Tally t = read(shipped(), "7 short bar");
        assertEquals(t.n, t.rightSure + t.rightGuess, "7 short bar: " + t);
        assertTrue(t.rightSure >= t.n - 1, "7 short bar: " + t);
    }

    /**
     * The known weaknesses, as bounds on "wrong and sure" that may only come down. The European 1 with a long, flat flag
     * (a quarter to half its height, 20-35 degrees below the horizontal) reads 7: 32 of its 72 reads wrong and sure, 12
     * more wrong guesses (on the wider grid 169 of 360 wrong and sure, and none of the other flags). Models trained
     * with flagged 1s ({@code train --flagged-ones}) brought it down to 3-25, but read more 7s as 1 (docs/training/history.md):
     * one that ships must keep the 7 with a short bar (above). A 0 whose slash runs 15 % past
     * its ring reads 8 when slanted -15 degrees: 2 of 12 wrong and sure (on the wider grid 3 of 60); a slash within the
     * ring reads 0 (above).
     */
    @Test
    void theKnownWeaknessesGetNoWorse() throws Exception {
        Recognizer r = shipped();
        Tally flag = read(r, "1 long flat flag");
        assertTrue(flag.wrongSure <= 32, "1 long flat flag: " + flag);
        Tally slash = read(r, "0 slash past the ring");
        assertTrue(slash.wrongSure <= 2, "0 slash past the ring: " + slash);
    }

    /** How a style read: its shapes over the grid. */
    static final class Tally {
        int n, rightSure, rightGuess, wrongSure, wrongGuess, none;
        final Map<Integer, Integer> wrongAs = new TreeMap<>();

        @Override
        public String toString() {
            return n + " reads: " + rightSure + " right and sure, " + rightGuess + " right guesses, " + wrongSure + " wrong and sure, "
                    + wrongGuess + " wrong guesses, " + none + " no digit" + (wrongAs.isEmpty() ? "" : "; read " + wrongAs);
        }
    }

    static Tally read(Recognizer r, String style) {
        Tally t = new Tally();
        for (Shape shape : shapes()) {
            if (!shape.style.equals(style)) {
                continue;
            }
            for (float size : SIZES) {
                for (float slant : SLANTS) {
                    for (float place : PLACES) {
                        r.recognizeInk(new float[PAD * PAD], PAD, PAD, InputKind.DRAWN);
                        Prediction p = r.recognizeInk(ink(shape, size, slant, place), PAD, PAD, InputKind.DRAWN);
                        boolean right = p.digit() == shape.digit, sure = !p.isUnsure();
                        t.n++;
                        if (!p.hasDigit()) {
                            t.none++;
                        } else if (right) {
                            t.rightSure += sure ? 1 : 0;
                            t.rightGuess += sure ? 0 : 1;
                        } else {
                            t.wrongSure += sure ? 1 : 0;
                            t.wrongGuess += sure ? 0 : 1;
                            t.wrongAs.merge(p.digit(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.println("DrawnStylesTest: " + style + ": " + t);
        return t;
    }

    /** The shape's ink as DrawPad.ink() makes it: its height size x PAD, slanted, placed, the brush fitted to the drawing. */
    static float[] ink(Shape shape, float size, float slant, float place) {
        double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
        for (double[] xy : shape.strokes) {
            for (int i = 0; i < xy.length; i += 2) {
                minX = Math.min(minX, xy[i]);
                maxX = Math.max(maxX, xy[i]);
                minY = Math.min(minY, xy[i + 1]);
                maxY = Math.max(maxY, xy[i + 1]);
            }
        }
        double scale = size * PAD / (maxY - minY), tan = Math.tan(Math.toRadians(slant));
        double width = (maxX - minX + (maxY - minY) * Math.abs(tan)) * scale;   // slanted, to keep it on the pad off the middle
        double x0 = PAD / 2.0 + place * (PAD - width) / 2, y0 = PAD / 2.0 + place * (PAD - size * PAD) / 2;
        // the points as the shape gives them, not a pointer's every 3 px: the brush paints a capsule round each segment,
        // so a line's ink is the same drawn in one segment or in many
        StrokeRasterizer r = new StrokeRasterizer();
        for (double[] xy : shape.strokes) {
            r.beginStroke();
            for (int i = 0; i < xy.length; i += 2) {
                double x = xy[i] - (minX + maxX) / 2, y = xy[i + 1] - (minY + maxY) / 2;
                r.addPoint((float) (x0 + scale * (x - y * tan)), (float) (y0 + scale * y));
            }
            r.endStroke();
        }
        r.fitBrushToDrawing(PAD / 28f, PAD, PAD);
        float[] ink = new float[PAD * PAD];
        r.rasterise(ink, PAD, PAD);
        return ink;
    }

    /** Points on an ellipse from angle a0 to a1, 2 degrees apart; degrees clockwise from its top, negative anticlockwise. */
    static double[] arc(double cx, double cy, double rx, double ry, double a0, double a1) {
        int n = (int) Math.abs(a1 - a0) / 2;
        double[] xy = new double[2 * n + 2];
        for (int i = 0; i <= n; i++) {
            xy[2 * i] = cx + rx * sin(a0 + (a1 - a0) * i / n);
            xy[2 * i + 1] = cy - ry * cos(a0 + (a1 - a0) * i / n);
        }
        return xy;
    }

    /**
     * 16 points a span along a curve through xy, as a hand draws one: a centripetal Catmull-Rom spline (knots spaced by
     * the square root of the distance, so no cusp or loop between close points; Barry and Goldman's form), straight on
     * at both ends.
     */
    static double[] curve(double... xy) {
        int m = xy.length / 2;
        double[] p = new double[2 * m + 4];                 // xy with a point more at each end
        System.arraycopy(xy, 0, p, 2, 2 * m);
        for (int c = 0; c < 2; c++) {
            p[c] = 2 * p[2 + c] - p[4 + c];
            p[2 * m + 2 + c] = 2 * p[2 * m + c] - p[2 * m - 2 + c];
        }
        double[] out = new double[2 + 32 * (m - 1)];
        out[0] = xy[0];
        out[1] = xy[1];
        for (int s = 0; s < m - 1; s++) {                   // the span from xy's point s to its next
            double[] t = new double[4];
            for (int k = 1; k < 4; k++) {
                int j = 2 * (s + k);
                t[k] = t[k - 1] + Math.sqrt(Math.max(1e-9, Math.hypot(p[j] - p[j - 2], p[j + 1] - p[j - 1])));
            }
            for (int i = 1; i <= 16; i++) {
                double u = t[1] + (t[2] - t[1]) * i / 16;
                for (int c = 0; c < 2; c++) {
                    double p0 = p[2 * s + c], p1 = p[2 * s + 2 + c], p2 = p[2 * s + 4 + c], p3 = p[2 * s + 6 + c];
                    double a1 = mix(p0, p1, t[0], t[1], u), a2 = mix(p1, p2, t[1], t[2], u), a3 = mix(p2, p3, t[2], t[3], u);
                    out[2 + 32 * s + 2 * (i - 1) + c] = mix(mix(a1, a2, t[0], t[2], u), mix(a2, a3, t[1], t[3], u), t[1], t[2], u);
                }
            }
        }
        return out;
    }

    private static double mix(double a, double b, double ta, double tb, double t) {
        return ((tb - t) * a + (t - ta) * b) / (tb - ta);
    }

    /** The polylines one after the other, as one (straight from each one's end to the next one's start). */
    static double[] join(double[] a, double[] b) {
        double[] xy = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, xy, a.length, b.length);
        return xy;
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    private static Recognizer shipped() throws Exception {
        return new Recognizer(ModelFile.read(Files.readAllBytes(Path.of("../src-webapp/model/numera.nmod"))));
    }
}
