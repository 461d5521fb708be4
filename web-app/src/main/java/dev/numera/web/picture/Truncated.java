package dev.numera.web.picture;

/**
 * A picture file cut off part-way (a download that stopped, a copy from a card pulled out): the browser shows what
 * arrived and says nothing. Chromium 156 decodes a JPEG or PNG cut in half with its lower half transparent and fires
 * {@code load}, so the page read the top half of a digit as a confident digit. Told by two things together: the file does
 * not end as its format's files end, and the decoded picture's last row has a transparent pixel (a JPEG has no
 * transparency; a PNG's rows come top to bottom). Either alone is not enough: a phone's JPEG may carry a video after its
 * end marker, a drawing's PNG may be transparent at the bottom, and a JPEG missing only its 2-byte end marker is whole.
 * Not caught: a progressive JPEG cut short (its first scans cover the whole picture, only coarser), and a JPEG turned
 * upside down by its EXIF orientation (the part missing is then at the top).
 */
final class Truncated {
    /** How many bytes of the file's start are looked at... */
    static final int HEAD = 12;
    /** ...and of its end: a PNG may have a few bytes after its IEND chunk. */
    static final int TAIL = 64;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A PNG's last chunk: length 0, type IEND, its CRC. */
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private Truncated() {
    }

    /**
     * @param head the file's first bytes (up to {@link #HEAD})
     * @param tail its last bytes (up to {@link #TAIL})
     * @param size the file's length in bytes
     * @param rgba the decoded picture, packed ({@code A << 24} the alpha), at least width * height
     */
    static boolean picture(byte[] head, byte[] tail, double size, int[] rgba, int width, int height) {
        return endMissing(head, tail, size) && clearPixelInLastRow(rgba, width, height);
    }

    /**
     * Whether the file is a JPEG, PNG, GIF or WebP (by its first bytes) that does not end as one: a JPEG's end marker
     * FF D9 last, a PNG's IEND chunk in its last bytes, a GIF's trailer 3B last, a WebP's RIFF length reached. False for
     * any other file (nothing known).
     */
    static boolean endMissing(byte[] head, byte[] tail, double size) {
        int n = tail.length;
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return n < 2 || tail[n - 2] != (byte) 0xFF || tail[n - 1] != (byte) 0xD9;
        }
        if (startsWith(head, PNG)) {
            for (int at = n - IEND.length; at >= 0; at--) {
                if (same(tail, at, IEND)) {
                    return false;
                }
            }
            return true;
        }
        if (startsWith(head, new byte[] {'G', 'I', 'F', '8'})) {
            return n < 1 || tail[n - 1] != 0x3B;
        }
        if (startsWith(head, new byte[] {'R', 'I', 'F', 'F'}) && head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            long riff = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
            return size < riff + 8;   // the length counts what follows its own 8 bytes ("RIFF" and itself)
        }
        return false;
    }

    /** Whether a pixel of the picture's last row is more transparent than opaque. */
    static boolean clearPixelInLastRow(int[] rgba, int width, int height) {
        for (int i = (height - 1) * width; i < height * width; i++) {
            if (rgba[i] >>> 24 < 128) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
        return bytes.length >= start.length && same(bytes, 0, start);
    }

    /** Whether {@code bytes} hold {@code part} from {@code from} on (which must fit). */
    private static boolean same(byte[] bytes, int from, byte[] part) {
        for (int i = 0; i < part.length; i++) {
            if (bytes[from + i] != part[i]) {
                return false;
            }
        }
        return true;
    }
}
