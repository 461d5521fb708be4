package dev.numera.web.harness;

import java.util.ArrayList;
import java.util.List;

/** Hand-made test digits as strokes of points in the 280x280 drawing canvas (CSS px). */
public final class Strokes {
    private Strokes() {
    }

    /** The digits that {@link #of} can draw. */
    public static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    /** digit → strokes → points {x, y}. */
    public static List<List<double[]>> of(int digit) {
        List<List<double[]>> s = new ArrayList<>();
        switch (digit) {
            case 0 -> s.add(arc(140, 140, 55, 85, -90, 270));
            case 1 -> s.add(line(150, 50, 132, 232));
            case 2 -> {
                List<double[]> a = arc(140, 100, 50, 48, -160, 30);
                a.addAll(line(183, 124, 82, 228));
                a.addAll(line(82, 228, 205, 228));
                s.add(a);
            }
            case 3 -> {
                List<double[]> a = arc(135, 95, 45, 42, -160, 90);
                a.addAll(arc(135, 182, 50, 45, -90, 160));
                s.add(a);
            }
            case 4 -> {
                List<double[]> a = line(165, 48, 78, 168);
                a.addAll(line(78, 168, 212, 168));
                s.add(a);
                s.add(line(168, 100, 168, 236));
            }
            case 5 -> {
                List<double[]> a = line(100, 55, 94, 140);
                a.addAll(arc(135, 175, 50, 52, -150, 150));
                s.add(a);
                s.add(line(100, 55, 200, 55));
            }
            case 6 -> {
                List<double[]> a = arc(190, 150, 90, 100, -100, -180);
                a.addAll(arc(140, 185, 45, 45, 180, -150));
                s.add(a);
            }
            case 7 -> {
                List<double[]> a = line(78, 58, 205, 58);
                a.addAll(line(205, 58, 122, 232));
                s.add(a);
            }
            case 8 -> {
                s.add(arc(140, 92, 38, 40, -90, 270));
                s.add(arc(140, 180, 48, 50, -90, 270));
            }
            case 9 -> {
                List<double[]> a = arc(135, 95, 42, 42, -10, 350);
                a.addAll(line(176, 88, 165, 235));
                s.add(a);
            }
            default -> throw new IllegalArgumentException("no strokes for " + digit);
        }
        return s;
    }

    /** Points every ~15 px along a segment (real input is sparser still when the pen moves fast). */
    static List<double[]> line(double x0, double y0, double x1, double y1) {
        int n = Math.max(2, (int) (Math.hypot(x1 - x0, y1 - y0) / 15));
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            p.add(new double[] {x0 + (x1 - x0) * t, y0 + (y1 - y0) * t});
        }
        return p;
    }

    /** An elliptic arc, angles in degrees, 0 = right, 90 = down (screen coordinates). */
    static List<double[]> arc(double cx, double cy, double rx, double ry, double from, double to) {
        int n = Math.max(4, (int) (Math.abs(to - from) / 12));
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(from + (to - from) * i / n);
            p.add(new double[] {cx + rx * Math.cos(a), cy + ry * Math.sin(a)});
        }
        return p;
    }

    /** A JS array literal [[[x,y],...],...] for page scripts. */
    public static String json(int digit) {
        return json(digit, 1);
    }

    /** The same, keeping every {@code stride}-th point (and the last): fewer events for slow engines. */
    public static String json(int digit, int stride) {
        StringBuilder sb = new StringBuilder("[");
        for (List<double[]> stroke : of(digit)) {
            sb.append(sb.length() > 1 ? ",[" : "[");
            int last = stroke.size() - 1;
            for (int i = 0; i <= last; i = i < last && i + stride > last ? last : i + stride) {
                sb.append(i > 0 ? "," : "").append('[').append(Math.round(stroke.get(i)[0]))
                        .append(',').append(Math.round(stroke.get(i)[1])).append(']');
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
