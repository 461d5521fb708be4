package dev.numera.core.model;

/**
 * CRC-32 as in zlib, PNG and gzip (IEEE 802.3, reflected polynomial 0xEDB88320, initial and
 * final xor 0xFFFFFFFF). Written out here so that the model format depends on nothing and any
 * reader can reproduce it; equals {@code java.util.zip.CRC32} (tested).
 */
public final class Crc32 {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            TABLE[n] = c;
        }
    }

    private Crc32() {
    }

    /** CRC-32 of bytes[off, off+len). */
    public static int of(byte[] bytes, int off, int len) {
        int c = 0xFFFFFFFF;
        for (int i = off; i < off + len; i++) c = TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
        return ~c;
    }
}
