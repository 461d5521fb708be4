package dev.numera.training.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny JSON writer for report data: maps (keys in insertion order), lists, arrays of numbers,
 * strings, numbers, booleans and null. Non-finite numbers become null (JSON has no NaN).
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            if (!m.isEmpty()) {
                newline(sb, indent);
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            array(sb, list, indent);
        } else if (v instanceof double[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof long[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof int[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof float[] a) {
            Double[] d = new Double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = (double) a[i];
            }
            array(sb, List.of(d), indent);
        } else if (v instanceof Object[] a) {
            array(sb, List.of(a), indent);
        } else {
            string(sb, v.toString());
        }
    }

    /** Lists of scalars on one line, lists holding containers one element per line. */
    private static void array(StringBuilder sb, List<?> list, int indent) {
        boolean flat = list.stream().allMatch(x -> x == null || x instanceof Number || x instanceof String || x instanceof Boolean);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (!flat) {
                newline(sb, indent + 1);
            }
            write(sb, list.get(i), indent + 1);
            if (i < list.size() - 1) {
                sb.append(flat ? ", " : ",");
            }
        }
        if (!flat && !list.isEmpty()) {
            newline(sb, indent);
        }
        sb.append(']');
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.6g", d).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e");
    }

    private static void newline(StringBuilder sb, int indent) {
        sb.append('\n');
        sb.append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
