package dev.numera.web.view;

/**
 * Tiny number formatting. String.format, DecimalFormat and String.valueOf(float) would pull
 * ~100 KB of class library into the shipped code; integer arithmetic does what the page needs.
 */
public final class Fmt {
    private Fmt() {
    }

    /** v with exactly {@code decimals} digits after the point (0..6), rounded half up. */
    public static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        if (v != v) {
            return "–";
        }
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long scale = scale(decimals);
        long n = (long) Math.floor(v * scale + 0.5);
        sb.append(n / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(n % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /**
     * What {@code fixed(a[i] * times, decimals)} shows, as an int (the digits without the point;
     * negative values and NaN get keys of their own; values past 2^31 / 10^decimals share one):
     * equal keys, equal text. Lets a view skip a write, and the new string it takes, when the text
     * would not change. The value is read from the array here rather than passed in: in TeaVM's
     * JavaScript a non-integer argument of a call the engine does not inline becomes a new heap
     * number, and the result view makes ~25 of these calls per camera frame. An int and a cast
     * rather than long and Math.floor: in TeaVM's JavaScript every long operation makes an object,
     * and in its Wasm GC every Math.floor boxes its argument on the way to JavaScript.
     */
    public static int key(float[] a, int i, double times, int decimals) {
        double v = a[i] * times;
        if (v != v) {
            return Integer.MIN_VALUE;
        }
        double m = v < 0 ? -v : v;
        int n = (int) (m * SCALES[decimals] + 0.5); // floor, as fixed() rounds: m >= 0
        return v < 0 ? -n - 1 : n;                  // "-0.0" and "0.0" differ
    }

    private static final double[] SCALES = {1, 10, 100, 1000, 10000, 100000, 1000000};

    /**
     * The text a non-negative {@link #key} stands for: {@code fixed(v * times, decimals)} for every v
     * whose key it is. Lets a view keep one string per key ({@link TextCache}) and still show exactly
     * what formatting the value would.
     */
    public static String ofKey(int key, int decimals) {
        return fixed(key / SCALES[decimals], decimals);
    }

    /**
     * A non-negative key in hundredths ({@link #key} with 2 decimals) rounded for a time display:
     * hundredths below 1, tenths from 1, whole units from 10 (0.84, 1.234 → 1.2, 12.34 → 12, 123.4 → 123;
     * as keys 84, 120, 1200, 12300), so two significant digits below 100. For a time that moves by several
     * per cent from one frame to the next a third digit is noise, and with it a camera would show, and
     * format, a new text four times a second for minutes.
     */
    public static int twoSignificant(int hundredths) {
        if (hundredths >= 1000) {
            return (hundredths + 50) / 100 * 100;
        }
        if (hundredths >= 100) {
            return (hundredths + 5) / 10 * 10;
        }
        return hundredths;
    }

    /** The text of a {@link #twoSignificant} key: "0.84", "1.2", "12" (no trailing digits it does not have). */
    public static String ofTwoSignificant(int key) {
        return fixed(key / 100.0, key >= 1000 ? 0 : key >= 100 ? 1 : 2);
    }

    /** {@link #key} of a[i] as a percentage with one decimal (0.9731 → 973, shown "97.3 %"). */
    public static int percentKey(float[] a, int i) {
        return key(a, i, 100, 1);
    }

    private static long scale(int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        return scale;
    }

    /** 12345 → "12,345" */
    public static String grouped(long n) {
        String s = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }

    /** 82572 → "82.6 KB" (1 KB = 1000 B, as the README and the benchmarks count) */
    public static String bytes(long n) {
        return n < 1000 ? n + " B" : fixed(n / 1000.0, 1) + " KB";
    }
}
