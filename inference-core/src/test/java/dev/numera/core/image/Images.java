package dev.numera.core.image;

/** Drawing and measuring helpers for the tests (allocation is fine here). */
public final class Images {
    private Images() {
    }

    /** Deterministic LCG (java.util.Random is off limits in main code; keep tests the same way). */
    static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed * 6364136223846793005L + 1442695040888963407L;
        }

        int nextInt(int bound) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (int) (((state >>> 33) * bound) >>> 31);
        }

        float nextFloat() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (state >>> 40) / (float) (1 << 24);
        }
    }

    /** Distance from point p to segment a-b. */
    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
        t = Math.max(0, Math.min(1, t));
        double ex = px - ax - t * dx;
        double ey = py - ay - t * dy;
        return Math.sqrt(ex * ex + ey * ey);
    }

    /**
     * Anti-aliased coverage 0..1 of a polyline of width `thick` at each pixel centre (max over segments).
     * pts = {x0,y0, x1,y1, ...} in pixel coordinates (pixel i spans [i, i+1)).
     */
    static float[] polyline(int w, int h, double thick, double... pts) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double best = Double.MAX_VALUE;
                for (int k = 2; k + 1 < pts.length; k += 2) {
                    best = Math.min(best, segmentDistance(x + 0.5, y + 0.5, pts[k - 2], pts[k - 1], pts[k], pts[k + 1]));
                }
                double c = Math.max(0, Math.min(1, thick / 2 + 0.5 - best));
                out[y * w + x] = (float) c;
            }
        }
        return out;
    }

    /** Anti-aliased ring (annulus) centred at (cx, cy) with mid radius r and width thick. */
    static float[] ring(int w, int h, double cx, double cy, double r, double thick) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.abs(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r);
                out[y * w + x] = (float) Math.max(0, Math.min(1, thick / 2 + 0.5 - d));
            }
        }
        return out;
    }

    /** Filled axis-aligned rectangle [x0, x0+rw) x [y0, y0+rh) of value v. */
    static void fillRect(float[] img, int w, int x0, int y0, int rw, int rh, float v) {
        for (int y = y0; y < y0 + rh; y++) {
            for (int x = x0; x < x0 + rw; x++) {
                img[y * w + x] = v;
            }
        }
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Intensity-weighted centre of mass {x, y} in 0-indexed pixel coordinates. */
    static double[] centreOfMass(float[] img, int w, int h) {
        double m = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = img[y * w + x];
                m += v;
                mx += v * x;
                my += v * y;
            }
        }
        return new double[] {mx / m, my / m};
    }

    /** Box {minX, minY, maxX, maxY} (inclusive) of pixels > level, or null. */
    static int[] box(float[] img, int w, int h, float level) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (img[y * w + x] > level) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    /** Bilinear resize of a (sw x sh) image to (dw x dh), pixel centres aligned, edges clamped. */
    static float[] bilinear(float[] src, int sw, int sh, int dw, int dh) {
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] tx = new float[dw];
        axis(sw, dw, x0, x1, tx);
        int[] y0 = new int[dh];
        int[] y1 = new int[dh];
        float[] ty = new float[dh];
        axis(sh, dh, y0, y1, ty);
        float[] out = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            int r0 = y0[y] * sw;
            int r1 = y1[y] * sw;
            float b = ty[y];
            for (int x = 0; x < dw; x++) {
                float a = tx[x];
                float top = (1 - a) * src[r0 + x0[x]] + a * src[r0 + x1[x]];
                float bottom = (1 - a) * src[r1 + x0[x]] + a * src[r1 + x1[x]];
                out[y * dw + x] = (1 - b) * top + b * bottom;
            }
        }
        return out;
    }

    private static void axis(int s, int d, int[] i0, int[] i1, float[] t) {
        for (int k = 0; k < d; k++) {
            double f = (k + 0.5) * s / d - 0.5;
            int lo = (int) Math.floor(f);
            double frac = f - lo;
            i0[k] = Math.max(0, Math.min(s - 1, lo));
            i1[k] = Math.max(0, Math.min(s - 1, lo + 1));
            t[k] = (float) frac;
        }
    }

    /** Opaque RGBA bytes of dark ink on grey paper: grey = paper - ink * (paper - inkLevel). */
    /** img (w x h) turned by degrees about its middle (clockwise on screen, y down), bilinear; what comes in from outside is 0. */
    static float[] turned(float[] img, int w, int h, double degrees) {
        float[] out = new float[w * h];
        double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees)), mx = w / 2.0, my = h / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // where pixel (x, y)'s centre comes from, in pixel coordinates of the source
                double u = (x + 0.5 - mx) * c + (y + 0.5 - my) * s + mx - 0.5, v = -(x + 0.5 - mx) * s + (y + 0.5 - my) * c + my - 0.5;
                int u0 = (int) Math.floor(u), v0 = (int) Math.floor(v);
                double fu = u - u0, fv = v - v0, sum = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int xx = u0 + dx, yy = v0 + dy;
                        if (xx >= 0 && xx < w && yy >= 0 && yy < h) {
                            sum += img[yy * w + xx] * (dx == 0 ? 1 - fu : fu) * (dy == 0 ? 1 - fv : fv);
                        }
                    }
                }
                out[y * w + x] = (float) sum;
            }
        }
        return out;
    }

    static byte[] onPaper(float[] ink, float paper, float inkLevel) {
        byte[] rgba = new byte[ink.length * 4];
        for (int i = 0; i < ink.length; i++) {
            int g = (int) Math.floor(paper - ink[i] * (paper - inkLevel) + 0.5);
            rgba[4 * i] = (byte) g;
            rgba[4 * i + 1] = (byte) g;
            rgba[4 * i + 2] = (byte) g;
            rgba[4 * i + 3] = (byte) 255;
        }
        return rgba;
    }

    /** Opaque RGBA bytes of coloured ink on coloured paper: per channel, paper - ink * (paper - pen). */
    static byte[] onPaper(float[] ink, int[] paper, int[] pen) {
        byte[] rgba = new byte[ink.length * 4];
        for (int i = 0; i < ink.length; i++) {
            for (int c = 0; c < 3; c++) {
                rgba[4 * i + c] = (byte) Math.floor(paper[c] - ink[i] * (paper[c] - pen[c]) + 0.5);
            }
            rgba[4 * i + 3] = (byte) 255;
        }
        return rgba;
    }

    /** ASCII rendering for failure messages. */
    static String ascii(float[] img, int w, int h) {
        StringBuilder sb = new StringBuilder();
        String ramp = " .:-=+*#%@";
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = Math.max(0, Math.min(1, img[y * w + x]));
                sb.append(ramp.charAt(Math.min(9, (int) (v * 10))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The strokes, each an x, y, x, y... array of its points, drawn into a new rasteriser. */
    public static StrokeRasterizer strokes(float[]... strokes) {
        StrokeRasterizer r = new StrokeRasterizer();
        for (float[] xy : strokes) {
            r.beginStroke();
            for (int i = 0; i < xy.length; i += 2) {
                r.addPoint(xy[i], xy[i + 1]);
            }
            r.endStroke();
        }
        return r;
    }

    /** As {@link #pad}, of several strokes. */
    public static float[] padStrokes(float[]... strokes) {
        StrokeRasterizer r = strokes(strokes);
        r.fitBrushToDrawing(10f, 280, 280);
        float[] ink = new float[280 * 280];
        r.rasterise(ink, 280, 280);
        return ink;
    }

    /** An ellipse centred on (cx, cy) with half-axes (rx, ry), as one stroke of 48 segments, closed. */
    public static float[] ellipse(float cx, float cy, float rx, float ry) {
        float[] xy = new float[2 * 49];
        for (int i = 0; i <= 48; i++) {
            double a = 2 * Math.PI * i / 48;
            xy[2 * i] = cx + rx * (float) Math.sin(a);
            xy[2 * i + 1] = cy - ry * (float) Math.cos(a);
        }
        return xy;
    }

    /**
     * One stroke through xy (x0, y0, x1, y1, ...) on the 280x280 pad, rasterised as DrawPad has it: the brush
     * fitted to the drawing, 10 px of the pad a pixel of the network's input.
     */
    public static float[] pad(float... xy) {
        return padStrokes(xy);
    }
}
