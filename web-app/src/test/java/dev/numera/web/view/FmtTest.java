package dev.numera.web.view;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fmt's keys against the text they stand for: the views skip a write when the key is unchanged. */
class FmtTest {
    @Test
    void fixedRoundsHalfUpWithExactDigits() {
        assertEquals("97.3", Fmt.fixed(97.31, 1));
        assertEquals("0.050", Fmt.fixed(0.0495, 3));
        assertEquals("-1.50", Fmt.fixed(-1.5, 2));
        assertEquals("12 %", Fmt.fixed(12, 0) + " %");
        assertEquals("97.3 %", Fmt.ofKey(Fmt.percentKey(new float[]{0.9731f}, 0), 1) + " %");
        assertEquals("–", Fmt.fixed(Double.NaN, 2));
    }

    /** Decimal kilobytes, as the README states the model's size (82,572 bytes: 82.6 KB). */
    @Test
    void bytesInDecimalKilobytes() {
        assertEquals("999 B", Fmt.bytes(999));
        assertEquals("1.0 KB", Fmt.bytes(1000));
        assertEquals("82.6 KB", Fmt.bytes(82_572));
    }

    /** Equal keys if and only if equal text, on probabilities, times and the awkward values. */
    @Test
    void equalKeysExactlyWhenEqualText() {
        Random r = new Random(7);
        float[] v = new float[4000];
        for (int i = 0; i < v.length; i++) {
            switch (i % 4) {
                case 0 -> v[i] = r.nextFloat();                               // a probability
                case 1 -> v[i] = Math.round(r.nextFloat() * 1000) / 1000f;  // near a rounding edge
                case 2 -> v[i] = r.nextFloat() * 40 - 5;                     // a time, or negative
                default -> v[i] = (i % 8 == 3) ? 0f : -0f;
            }
        }
        v[7] = Float.NaN;
        for (int decimals = 0; decimals <= 3; decimals++) {
            for (int i = 0; i < v.length; i += 7) {
                for (int j = 0; j < v.length; j += 13) {
                    boolean sameText = Fmt.fixed(v[i], decimals).equals(Fmt.fixed(v[j], decimals));
                    boolean sameKey = Fmt.key(v, i, 1, decimals) == Fmt.key(v, j, 1, decimals);
                    assertEquals(sameText, sameKey, v[i] + " vs " + v[j] + " at " + decimals + " decimals");
                }
            }
        }
        for (int i = 0; i < v.length; i += 3) {
            for (int j = 1; j < v.length; j += 11) {
                assertEquals(percent(v[i]).equals(percent(v[j])), Fmt.percentKey(v, i) == Fmt.percentKey(v, j),
                        v[i] + " vs " + v[j] + " as percentages");
            }
        }
    }

    /** What the text caches rely on: a key rebuilds exactly the text of every value that has it. */
    @Test
    void aKeyRebuildsItsText() {
        Random r = new Random(11);
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? r.nextFloat() : Math.round(r.nextFloat() * 2000) / 2000f;   // on and near rounding edges
        }
        v[0] = 0f;
        v[1] = 1f;
        for (int i = 0; i < v.length; i++) {
            assertEquals(percent(v[i]), Fmt.ofKey(Fmt.percentKey(v, i), 1) + " %", "percent of " + v[i]);
            assertEquals(Fmt.fixed(v[i], 3), Fmt.ofKey(Fmt.key(v, i, 1, 3), 3), "bar scale of " + v[i]);
            assertEquals(Fmt.fixed(v[i] * 40, 2), Fmt.ofKey(Fmt.key(v, i, 40, 2), 2), "time of " + v[i] * 40);
        }
    }

    /** The recognition time's text: two significant digits, the rounding done once, on the hundredths. */
    @Test
    void timesToTwoSignificantDigits() {
        String[][] cases = {{"0", "0.00"}, {"84", "0.84"}, {"99", "0.99"}, {"100", "1.0"}, {"123", "1.2"}, {"125", "1.3"},
                {"994", "9.9"}, {"995", "10"}, {"1234", "12"}, {"1250", "13"}, {"9949", "99"}, {"9950", "100"}, {"123456", "1235"}};
        for (String[] c : cases) {
            int key = Fmt.twoSignificant(Integer.parseInt(c[0]));
            assertEquals(c[1], Fmt.ofTwoSignificant(key), c[0] + " hundredths");
        }
        // every hundredths key below 100 ms maps to a key whose text has at most two significant digits, and keys
        // equal exactly when texts are
        java.util.Map<String, Integer> keyOfText = new java.util.HashMap<>();
        for (int h = 0; h < 10000; h++) {
            int key = Fmt.twoSignificant(h);
            String text = Fmt.ofTwoSignificant(key);
            assertEquals(key, (int) keyOfText.computeIfAbsent(text, t -> key), text);
            assertTrue(Math.abs(h - key) <= (h >= 995 ? 50 : h >= 100 ? 5 : 0), h + " → " + key);  // 995..999 round up to 10
            assertTrue(text.replace(".", "").replaceFirst("^0+", "").length() <= 2 || h >= 9950, h + " → " + text);
        }
    }

    /** A percentage with one decimal, formatted straight from the value. */
    private static String percent(float p) {
        return Fmt.fixed(p * 100.0, 1) + " %";
    }
}
