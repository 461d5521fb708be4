package dev.numera.web.picture;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files as ImageIO writes them, whole and cut, against the formats' own endings; the picture's last row as decoded. */
class TruncatedTest {
    private static byte[] written(String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 200);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    private static boolean endMissing(byte[] file) {
        return Truncated.endMissing(Arrays.copyOf(file, Math.min(Truncated.HEAD, file.length)),
                Arrays.copyOfRange(file, Math.max(0, file.length - Truncated.TAIL), file.length), file.length);
    }

    @Test
    void wholeFilesEndAsTheirFormatsDoAndCutOnesDoNot() throws IOException {
        for (String format : new String[] {"jpg", "png", "gif"}) {
            byte[] file = written(format);
            assertFalse(endMissing(file), format + " whole");
            for (int cut : new int[] {1, 2, file.length / 2, file.length - 13}) {
                assertTrue(endMissing(Arrays.copyOf(file, file.length - cut)), format + " less " + cut + " bytes");
            }
        }
        byte[] png = written("png");
        assertFalse(endMissing(Arrays.copyOf(png, png.length + 20)), "a whole PNG with bytes after its IEND chunk");
        byte[] bmp = written("bmp");
        assertFalse(endMissing(Arrays.copyOf(bmp, bmp.length / 2)), "a format whose end is not known: nothing said");
    }

    @Test
    void aWebpIsWholeWhenItsRiffLengthIsThere() {
        byte[] webp = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        webp[4] = 32;   // 32 bytes after the first 8: 40 in all
        System.arraycopy("WEBPVP8 ".getBytes(), 0, webp, 8, 8);
        assertFalse(endMissing(webp));
        assertTrue(endMissing(Arrays.copyOf(webp, 39)));
    }

    @Test
    void onlyAPictureWithAClearLastRowAndNoEndIsCutShort() throws IOException {
        int w = 5, h = 3;
        int[] opaque = new int[w * h];
        Arrays.fill(opaque, 0xFF808080);
        int[] clearBelow = opaque.clone();
        clearBelow[(h - 1) * w + 4] = 0x00000000;   // as Chromium leaves the part that did not arrive
        byte[] jpeg = written("jpg");
        byte[] head = Arrays.copyOf(jpeg, Truncated.HEAD);
        byte[] cutTail = Arrays.copyOfRange(jpeg, jpeg.length / 2 - Truncated.TAIL, jpeg.length / 2);
        byte[] tail = Arrays.copyOfRange(jpeg, jpeg.length - Truncated.TAIL, jpeg.length);
        assertTrue(Truncated.picture(head, cutTail, jpeg.length / 2, clearBelow, w, h), "cut, and the last row clear");
        assertFalse(Truncated.picture(head, cutTail, jpeg.length / 2, opaque, w, h), "no end marker, all there (a video after it, or only the marker lost)");
        assertFalse(Truncated.picture(head, tail, jpeg.length, clearBelow, w, h), "whole, clear at the bottom (a drawing's PNG)");
    }
}
