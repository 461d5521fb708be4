package dev.numera.training.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** predict turns a picture by its EXIF Orientation (or a TIFF's own) as a browser shows it; malformed tags are "as stored". */
class ExifOrientationTest {
    @TempDir
    Path dir;

    /**
     * A 3x2 picture, pixels numbered 1..6 row by row, under each orientation: the grids as the
     * EXIF/TIFF spec shows them, written out by hand.
     */
    @Test
    void eachOrientationTurnsA3x2PictureAsTheSpecShowsIt() {
        int[][] stored = {{1, 2, 3}, {4, 5, 6}};
        int[][][] shown = {
                null,
                {{1, 2, 3}, {4, 5, 6}},         // 1 as stored
                {{3, 2, 1}, {6, 5, 4}},         // 2 mirrored left-right
                {{6, 5, 4}, {3, 2, 1}},         // 3 turned 180°
                {{4, 5, 6}, {1, 2, 3}},         // 4 mirrored top-bottom
                {{1, 4}, {2, 5}, {3, 6}},       // 5 transposed (mirrored about the main diagonal)
                {{4, 1}, {5, 2}, {6, 3}},       // 6 turned 90° clockwise
                {{6, 3}, {5, 2}, {4, 1}},       // 7 transverse (mirrored about the other diagonal)
                {{3, 6}, {2, 5}, {1, 4}},       // 8 turned 90° counter-clockwise
        };
        for (int o = 1; o <= 8; o++) {
            PredictCommand.Picture out = ExifOrientation.apply(picture(stored), o);
            PredictCommand.Picture expected = picture(shown[o]);
            assertEquals(expected.width(), out.width(), "orientation " + o);
            assertEquals(expected.height(), out.height(), "orientation " + o);
            assertArrayEquals(expected.rgba(), out.rgba(), "orientation " + o);
        }
        for (int o : new int[] {0, 9, -1, 65535}) {   // not an orientation: as stored
            assertArrayEquals(picture(stored).rgba(), ExifOrientation.apply(picture(stored), o).rgba(), "orientation " + o);
        }
    }

    /** Pixel k as four distinct channel values (k, k+10, k+20, 255-k), so a channel mixed up shows too. */
    static PredictCommand.Picture picture(int[][] grid) {
        int h = grid.length, w = grid[0].length;
        byte[] rgba = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = grid[y][x], o = 4 * (y * w + x);
                rgba[o] = (byte) k;
                rgba[o + 1] = (byte) (k + 10);
                rgba[o + 2] = (byte) (k + 20);
                rgba[o + 3] = (byte) (255 - k);
            }
        }
        return new PredictCommand.Picture(rgba, w, h);
    }

    /**
     * An APP1 payload: "Exif\0\0", a TIFF header in the given byte order, IFD0 of two entries
     * (ImageWidth first, so the Orientation is not the first entry read) and no next IFD.
     */
    static byte[] exif(boolean little, int orientation) {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 2 * 12 + 4).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(little ? "II".getBytes(StandardCharsets.US_ASCII) : "MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0100).putShort((short) 4).putInt(1).putInt(1000);                      // ImageWidth LONG 1000
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /**
     * A JPEG as a phone writes it: SOI, then the APP1 segment with {@code payload}, no JFIF APP0
     * (ImageIO writes one; it is dropped here, as the JDK refuses a JFIF APP0 after another segment).
     * With {@code afterJfif}, the JFIF APP0 is kept and the APP1 follows it, as some editors save.
     */
    static byte[] jpeg(BufferedImage img, byte[] payload, boolean afterJfif) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "jpeg", o));
        byte[] j = o.toByteArray();
        assertEquals(0xE0, j[3] & 0xFF, "ImageIO's JPEG starts SOI, JFIF APP0");
        int app0End = 4 + ((j[4] & 0xFF) << 8 | (j[5] & 0xFF));
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(j, 0, afterJfif ? app0End : 2);
        s.write(0xFF);
        s.write(0xE1);
        s.write((payload.length + 2) >> 8);
        s.write((payload.length + 2) & 0xFF);
        s.writeBytes(payload);
        s.write(j, app0End, j.length - app0End);
        return s.toByteArray();
    }

    /** 32x16, black with a white 8x8 block in its top-left corner (8x8 aligned: it survives JPEG). */
    static BufferedImage corner() {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        return img;
    }

    /** The red level of pixel (x, y) of a picture. */
    static int red(PredictCommand.Picture p, int x, int y) {
        return p.rgba()[4 * (y * p.width() + x)] & 0xFF;
    }

    /**
     * Real JPEG files, both byte orders, each orientation: the tag read back, and predict's picture
     * turned: width and height swapped for 5..8, the stored top-left block where the spec puts it
     * (1, 5: top-left; 2, 6: top-right; 3, 7: bottom-right; 4, 8: bottom-left).
     */
    @Test
    void theTagIsReadFromAJpegsExifInBothByteOrders() throws IOException {
        for (boolean little : new boolean[] {true, false}) {
            for (int o = 1; o <= 8; o++) {
                Path f = Files.write(dir.resolve((little ? "ii-" : "mm-") + o + ".jpg"), jpeg(corner(), exif(little, o), false));
                assertTurned(f, o, (little ? "II" : "MM") + " orientation " + o);
            }
        }
        Path jfifFirst = Files.write(dir.resolve("jfif-exif.jpg"), jpeg(corner(), exif(false, 6), true));
        assertEquals(6, ExifOrientation.read(jfifFirst));
        assertEquals(16, PredictCommand.picture(jfifFirst).width());
    }

    /**
     * A JPEG whose Exif APP1 comes before its JFIF APP0 is turned as a browser turns it (Chromium
     * does). The JDK refuses such a file's metadata ("JFIF APP0 must be first marker after SOI"), and
     * read through it the picture was read as stored: two MNIST digits so saved read 7 and 5, not 1
     * and 4. The segments are walked instead.
     */
    @Test
    void anExifBeforeTheJfifSegmentIsTurnedToo() throws IOException {
        byte[] j = jpeg(corner(), exif(true, 6), true);
        // move the APP1 in front: SOI, APP1, APP0, rest
        int app0Len = 2 + ((j[4] & 0xFF) << 8 | (j[5] & 0xFF));
        int app1Len = 2 + exif(true, 6).length + 2;
        byte[] swapped = new byte[j.length];
        System.arraycopy(j, 0, swapped, 0, 2);
        System.arraycopy(j, 2 + app0Len, swapped, 2, app1Len);
        System.arraycopy(j, 2, swapped, 2 + app1Len, app0Len);
        System.arraycopy(j, 2 + app0Len + app1Len, swapped, 2 + app0Len + app1Len, j.length - 2 - app0Len - app1Len);
        Path f = Files.write(dir.resolve("exif-jfif.jpg"), swapped);
        assertTurned(f, 6, "Exif before JFIF");
        // cut short before its Exif segment ends, the walk ends without an error: as stored; once it is whole, turned
        for (int n = 0; n <= 2 + app1Len + app0Len; n++) {
            assertEquals(n < 2 + app1Len ? 1 : 6, ExifOrientation.read(Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(swapped, n))), "first " + n + " bytes");
        }
    }

    /** corner() as a PNG with an eXIf chunk of Orientation {@code o} after IHDR; without its 12-byte IEND chunk when {@code iend} is false. */
    private static byte[] pngWithExif(int o, boolean iend) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(corner(), "png", png));
        byte[] b = png.toByteArray();
        byte[] app1 = exif(false, o);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(b, 0, 33);   // signature, IHDR
        s.writeBytes(chunk("eXIf", Arrays.copyOfRange(app1, 6, app1.length)));   // the TIFF block without "Exif\0\0"
        s.write(b, 33, b.length - 33 - (iend ? 0 : 12));
        return s.toByteArray();
    }

    /** A PNG's eXIf chunk (the TIFF block without "Exif\0\0"), which Chromium honours: ImageIO keeps it as an unknown chunk. */
    @Test
    void aPngsExifChunkIsAppliedToo() throws IOException {
        Path f = Files.write(dir.resolve("exif.png"), pngWithExif(8, true));
        assertEquals(8, ExifOrientation.read(f));
        PredictCommand.Picture p = PredictCommand.picture(f);
        assertEquals(16, p.width());
        assertEquals(255, red(p, 3, 28), "the white block bottom-left");
        assertEquals(0, red(p, 12, 3));
    }

    /**
     * A PNG the JDK decodes but whose metadata it refuses (here: no IEND, which browsers let pass):
     * read as stored, not an error. Decoding with the metadata read would have failed the image.
     */
    @Test
    void aPngWhoseMetadataTheJdkRefusesIsStillRead() throws IOException {
        Path f = Files.write(dir.resolve("no-iend.png"), pngWithExif(6, false));
        assertEquals(1, ExifOrientation.read(f));
        assertEquals(32, PredictCommand.picture(f).width());
    }

    /**
     * {@code img} as ImageIO's TIFF writer saves it, in the given byte order, its IFD0 carrying the
     * Orientation tag {@code o} (none for 0) as a scanner or camera writes it: in the TIFF's own
     * directory, not in an Exif block.
     */
    static byte[] tiff(BufferedImage img, int o, boolean little) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            TIFFDirectory ifd = TIFFDirectory.createFromMetadata(writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param));
            if (o != 0) {
                ifd.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ORIENTATION), o));
            }
            // the byte order is the stream metadata's (the writer sets the stream's from it)
            IIOMetadata stream = writer.getDefaultStreamMetadata(param);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_tiff_stream_1.0");
            IIOMetadataNode order = new IIOMetadataNode("ByteOrder");
            order.setAttribute("value", little ? "LITTLE_ENDIAN" : "BIG_ENDIAN");
            root.appendChild(order);
            stream.setFromTree("javax_imageio_tiff_stream_1.0", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(stream, new IIOImage(img, null, ifd.getAsMetadata()), param);
            }
            byte[] b = bytes.toByteArray();
            assertEquals(little ? 'I' : 'M', b[0], "the byte order written");
            return b;
        } finally {
            writer.dispose();
        }
    }

    /** A copy of a TIFF from {@link #tiff} whose IFD0 Orientation entry gets this type, count and value (a LONG's in 4 bytes). */
    static byte[] orientationEntry(byte[] tiff, int type, int count, int value) {
        ByteBuffer b = ByteBuffer.wrap(tiff.clone()).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        for (int i = 0, e = ifd + 2; i < b.getShort(ifd); i++, e += 12) {
            if (b.getShort(e) == 0x0112) {
                b.putShort(e + 2, (short) type).putInt(e + 4, count).putInt(e + 8, 0);
                if (type == 4) {
                    b.putInt(e + 8, value);
                } else {
                    b.putShort(e + 8, (short) value);
                }
                return b.array();
            }
        }
        throw new AssertionError("no Orientation entry in IFD0");
    }

    /**
     * The 32x16 corner() picture stored with orientation o, as predict sees it: the tag read back, the
     * sides swapped for 5-8, and its white block in the corner the spec puts it (1, 5: top-left; 2, 6:
     * top-right; 3, 7: bottom-right; 4, 8: bottom-left; thresholds, not exact levels, for JPEG).
     */
    private static void assertTurned(Path f, int o, String what) throws IOException {
        String corner = new String[] {null, "TL", "TR", "BR", "BL", "TL", "TR", "BR", "BL"}[o];
        assertEquals(o, ExifOrientation.read(f), what);
        PredictCommand.Picture p = PredictCommand.picture(f);
        assertEquals(o >= 5 ? 16 : 32, p.width(), what);
        assertEquals(o >= 5 ? 32 : 16, p.height(), what);
        int w = p.width(), h = p.height();
        int x = corner.charAt(1) == 'L' ? 3 : w - 4, y = corner.charAt(0) == 'T' ? 3 : h - 4;
        assertTrue(red(p, x, y) > 200, what + ": the white block at " + corner + ", red " + red(p, x, y));
        assertTrue(red(p, w - 1 - x, h - 1 - y) < 50, what + ": black in the opposite corner");
    }

    /**
     * A TIFF's own Orientation tag (tag 274 in IFD0, where EXIF took it from), both byte orders, each
     * value: read back, and predict's picture turned as for a JPEG (the white block where the spec puts it).
     */
    @Test
    void aTiffsOwnOrientationTagIsApplied() throws IOException {
        for (boolean little : new boolean[] {true, false}) {
            for (int o = 1; o <= 8; o++) {
                Path f = Files.write(dir.resolve((little ? "ii-" : "mm-") + o + ".tif"), tiff(corner(), o, little));
                assertTurned(f, o, (little ? "II" : "MM") + " TIFF orientation " + o);
            }
        }
    }

    /**
     * A TIFF without the tag, or with one that is not a single SHORT of 1..8: read as stored, never an
     * error (the JDK's plugin drops a LONG Orientation and refuses the metadata of an IFD whose
     * Orientation has two values; the pixels still decode).
     */
    @Test
    void aTiffWithoutOrWithABadOrientationIsReadAsStored() throws IOException {
        byte[] six = tiff(corner(), 6, false);
        byte[][] files = {
                tiff(corner(), 0, true),
                orientationEntry(six, 4, 1, 6),   // a LONG
                orientationEntry(six, 3, 2, 6),   // two values
                orientationEntry(six, 3, 1, 0),
                orientationEntry(six, 3, 1, 9),
                orientationEntry(six, 3, 1, 0xFFFF),
        };
        for (int i = 0; i < files.length; i++) {
            Path f = Files.write(dir.resolve("bad-" + i + ".tif"), files[i]);
            assertEquals(1, ExifOrientation.read(f), "TIFF " + i);
            PredictCommand.Picture p = PredictCommand.picture(f);
            assertEquals(32, p.width(), "TIFF " + i);
            assertEquals(255, red(p, 3, 3), "TIFF " + i + ": as stored");
        }
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }

    /**
     * Cut short, malformed or random Exif bytes: orientation 1 (or, for the intact entry, its own
     * value), never an exception or a hang; in a real JPEG the picture is then read as stored.
     */
    @Test
    void truncatedOrGarbageExifIsReadAsStored() throws IOException {
        for (boolean little : new boolean[] {true, false}) {
            byte[] full = exif(little, 6);
            int entryEnd = 6 + 8 + 2 + 2 * 12;   // the Orientation entry complete; the next-IFD offset is not needed
            for (int n = 0; n <= full.length; n++) {
                assertEquals(n >= entryEnd ? 6 : 1, ExifOrientation.orientation(Arrays.copyOf(full, n), 6), "first " + n + " bytes");
            }
        }
        byte[] good = exif(false, 6);
        assertEquals(6, ExifOrientation.orientation(good, 6));
        assertEquals(1, ExifOrientation.orientation(set(good, 6, 'M', 'I'), 6), "neither II nor MM");
        assertEquals(1, ExifOrientation.orientation(set(good, 9, 43), 6), "not 42");
        assertEquals(1, ExifOrientation.orientation(set(good, 10, 0xFF, 0xFF, 0xFF, 0xFF), 6), "IFD0 at 4 GB");
        assertEquals(1, ExifOrientation.orientation(set(good, 10, 0x80, 0, 0, 0), 6), "IFD0 at a negative int");
        assertEquals(1, ExifOrientation.orientation(set(good, 10, 0, 0, 0, 0), 6), "IFD0 on the header");
        assertEquals(1, ExifOrientation.orientation(set(good, 10, 0, 0, 0, 37), 6), "IFD0 on the last byte");
        assertEquals(1, ExifOrientation.orientation(set(good, 14, 0, 1), 6), "one entry counted: the Orientation not reached");
        assertEquals(6, ExifOrientation.orientation(set(good, 14, 0xFF, 0xFF), 6), "65535 entries counted, two there");
        assertEquals(1, ExifOrientation.orientation(set(good, 30, 0, 4), 6), "a LONG, not a SHORT");
        assertEquals(1, ExifOrientation.orientation(set(good, 32, 0, 0, 0, 2), 6), "two values");
        assertEquals(1, ExifOrientation.orientation(set(good, 36, 0, 0), 6), "value 0");
        assertEquals(1, ExifOrientation.orientation(set(good, 36, 0, 9), 6), "value 9");
        assertEquals(1, ExifOrientation.orientation(good, 7), "a TIFF block that is not where it is said to be");

        Random random = new Random(42);
        for (int i = 0; i < 20000; i++) {
            byte[] b;
            if (i % 2 == 0) {   // a good block with a few bytes changed
                b = exif(random.nextBoolean(), 1 + random.nextInt(8));
                for (int k = random.nextInt(4); k >= 0; k--) {
                    b[6 + random.nextInt(b.length - 6)] = (byte) random.nextInt(256);
                }
                b = Arrays.copyOf(b, random.nextInt(b.length + 8));
            } else {            // a valid header, IFD0 at 8, garbage after
                b = new byte[6 + random.nextInt(80)];
                random.nextBytes(b);
                byte[] head = random.nextBoolean() ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8};
                System.arraycopy(head, 0, b, 6, Math.min(8, b.length - 6));
            }
            int o = ExifOrientation.orientation(b, 6);
            assertTrue(o >= 1 && o <= 8, "orientation " + o + " from " + Arrays.toString(b));
        }

        byte[][] payloads = {
                "Exif\0\0".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(exif(true, 6), 20),
                set(exif(true, 6), 10, 0xFF, 0xFF, 0xFF, 0x7F),
                "Exif\0\0II*\0garbage garbage garbage".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'E', 'x', 'i', 'f'},
                new byte[0],
        };
        for (int i = 0; i < payloads.length; i++) {
            Path f = Files.write(dir.resolve("bad-" + i + ".jpg"), jpeg(corner(), payloads[i], false));
            assertEquals(1, ExifOrientation.read(f), "payload " + i);
            PredictCommand.Picture p = PredictCommand.picture(f);
            assertEquals(32, p.width(), "payload " + i);
            assertTrue(red(p, 3, 3) > 200, "payload " + i + ": as stored");
        }
    }

    /** A copy of b with the given bytes from index at. */
    static byte[] set(byte[] b, int at, int... values) {
        byte[] c = b.clone();
        for (int i = 0; i < values.length; i++) {
            c[at + i] = (byte) values[i];
        }
        return c;
    }
}
