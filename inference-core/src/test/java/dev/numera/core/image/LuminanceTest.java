package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LuminanceTest {
    private static byte[] pixels(int... rgba) {
        byte[] b = new byte[rgba.length];
        for (int i = 0; i < rgba.length; i++) {
            b[i] = (byte) rgba[i];
        }
        return b;
    }

    @Test
    void bt601WeightsOnOpaquePixelsHandComputed() {
        // 2x2: white, black, pure red, (10, 200, 250)
        byte[] rgba = pixels(255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 10, 200, 250, 255);
        float[] out = new float[4];
        Luminance.grey(rgba, 2, 2, 0f, out);
        assertEquals(255f, out[0], 1e-3f);
        assertEquals(0f, out[1], 0f);
        assertEquals(0.299f * 255, out[2], 1e-3f); // 76.245
        assertEquals(0.299f * 10 + 0.587f * 200 + 0.114f * 250, out[3], 1e-3f); // 148.89
        assertEquals(148.89f, out[3], 1e-3f);
    }

    @Test
    void bytesAreUnsigned() {
        // 200 as a Java byte is -56; a signed read would give a negative grey
        float[] out = new float[1];
        Luminance.grey(pixels(200, 200, 200, 255), 1, 1, 0f, out);
        assertEquals(200f, out[0], 1e-3f);
    }

    @Test
    void alphaCompositesOverTheBackground() {
        // transparent black (what an untouched canvas reads as), half-transparent white, opaque grey 100
        byte[] rgba = pixels(0, 0, 0, 0, 255, 255, 255, 128, 100, 100, 100, 255);
        float[] out = new float[3];
        Luminance.grey(rgba, 3, 1, 255f, out);
        assertEquals(255f, out[0], 1e-3f, "alpha 0 is the background, not black");
        assertEquals(255f, out[1], 1e-3f);
        assertEquals(100f, out[2], 1e-3f);

        Luminance.grey(rgba, 3, 1, 0f, out);
        assertEquals(0f, out[0], 1e-3f);
        assertEquals(255f * 128 / 255, out[1], 1e-3f); // 128
        assertEquals(100f, out[2], 1e-3f);

        // half-transparent red over grey 50: R' = 0.502*255 + 0.498*50, G' = B' = 0.498*50
        float a = 128 / 255f;
        float r = a * 255 + (1 - a) * 50;
        float gb = (1 - a) * 50;
        Luminance.grey(pixels(255, 0, 0, 128), 1, 1, 50f, out = new float[1]);
        assertEquals(0.299f * r + 0.587f * gb + 0.114f * gb, out[0], 1e-3f);
    }

    @Test
    void inkLightPolarityForDrawings() {
        // light ink on a transparent canvas: untouched = 0, full white stroke = 1, grey AA edge in between
        byte[] rgba = pixels(0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 64, 51, 51, 51, 255);
        float[] out = new float[4];
        Luminance.inkLight(rgba, 4, 1, 0f, out);
        assertEquals(0f, out[0], 0f);
        assertEquals(1f, out[1], 1e-6f);
        assertEquals(64 / 255f, out[2], 1e-5f);
        assertEquals(0.2f, out[3], 1e-5f);
    }

    @Test
    void inkDarkPolarityForPaper() {
        // dark ink on white paper: paper = 0, black = 1, transparent over white paper = 0
        byte[] rgba = pixels(255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0, 204, 204, 204, 255);
        float[] out = new float[4];
        Luminance.inkDark(rgba, 4, 1, 255f, out);
        assertEquals(0f, out[0], 1e-6f);
        assertEquals(1f, out[1], 0f);
        assertEquals(0f, out[2], 1e-6f, "transparent over white paper is paper");
        assertEquals(0.2f, out[3], 1e-5f);
    }

    @Test
    void cameraGreyKeepsPenStrokesDarkAndRuledLinesNearPaper() {
        // white paper, light-blue ruled line, blue ballpoint, black ink, red pen, half-transparent black,
        // pink pen, yellow highlighter, pale red margin line, saturated red margin line
        byte[] rgba = pixels(245, 245, 240, 255, 170, 200, 235, 255, 30, 40, 120, 255, 20, 20, 20, 255,
                200, 30, 30, 255, 0, 0, 0, 51, 230, 60, 160, 255, 250, 240, 80, 255, 230, 120, 120, 255, 220, 80, 90, 255);
        float[] lum = new float[10];
        float[] cam = new float[10];
        Luminance.grey(rgba, 10, 1, 255f, lum);
        Luminance.cameraGrey(rgba, 10, 1, 255f, cam);
        assertEquals(195.0f, lum[1], 0.1f, "the line's luminance: 50 levels (20 %) under the paper");
        assertEquals(244.4f, lum[0], 0.1f);
        assertEquals(245f, cam[0], 1e-3f);
        assertEquals(235f, cam[1], 1e-3f, "the line's brightest channel: 10 levels (4 %) under the paper");
        assertEquals(60f, cam[2], 1e-3f, "blue pen: dark, and darker by the cap (2 x 30)");
        assertEquals(20f, cam[3], 1e-3f);
        assertEquals(0.8f * 255f, cam[5], 1e-3f, "alpha 0.2 black over white");
        assertEquals(60f, cam[4], 1e-3f, "red pen: 2 min(R, G), not its red 200");
        assertEquals(120f, cam[6], 1e-3f, "pink pen: 2 min(R, G), not its red 230");
        assertEquals(250f, cam[7], 1e-3f, "yellow highlighter: blue is not counted, its brightest channel stays");
        assertEquals(230f, cam[8], 1e-3f, "pale red margin line: under the cap (240), its brightest channel stays");
        assertEquals(160f, cam[9], 1e-3f, "saturated red margin line: 2 min(R, G)");
    }

    @Test
    void rejectsWrongLengthsAndBackground() {
        float[] out = new float[4];
        assertThrows(IllegalArgumentException.class, () -> Luminance.grey(new byte[15], 2, 2, 0f, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.grey(new byte[16], 2, 2, 0f, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Luminance.inkLight((byte[]) null, 2, 2, 0f, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.inkLight((int[]) null, 2, 2, 0f, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.inkLight(new int[3], 2, 2, 0f, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.inkDark(new byte[16], 2, 2, 300f, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.grey(new byte[16], 2, 2, Float.NaN, out));
        assertThrows(IllegalArgumentException.class, () -> Luminance.grey(new byte[0], 0, 2, 0f, new float[0]));
    }
}
