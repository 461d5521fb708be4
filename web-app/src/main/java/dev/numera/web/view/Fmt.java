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
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
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

    /** 0.9731 → "97.3 %" */
    public static String percent(double p) {
        return fixed(p * 100, 1) + " %";
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

    /** 23456 → "22.9 KB" (1 KB = 1024 B) */
    public static String bytes(long n) {
        return n < 1024 ? n + " B" : fixed(n / 1024.0, 1) + " KB";
    }
}
