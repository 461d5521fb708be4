package dev.numera.training.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for LeCun's IDX format, unsigned-byte variant, raw or gzip-compressed (detected from
 * the first two bytes, not the file name).
 *
 * <pre>
 * bytes 0-1  zero
 * byte  2    element type, 0x08 = unsigned byte (the only type MNIST uses)
 * byte  3    number of dimensions d
 * then d big-endian int32 sizes (count, rows, cols for images; count for labels)
 * then count*rows*cols bytes, row-major
 * </pre>
 */
public final class Idx {
    /** IDX element type code for unsigned bytes. */
    public static final int UBYTE = 0x08;

    /** Refuse headers that claim more than this many bytes (MNIST's largest file is 47 MB). */
    private static final long MAX_BYTES = 1L << 30;

    /** What a damaged local gzip file's message ends with: the file is good for nothing, and `--download` fetches it anew. */
    private static final String FETCH_AGAIN = "; delete it and fetch it again";

    private Idx() {
    }

    /** The decoded content: dimension sizes and the raw unsigned bytes, row-major. */
    public record Array(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads an IDX file with exactly {@code expectedDims} dimensions.
     *
     * @throws DataException naming the file and what is wrong: missing, bad magic, wrong rank,
     *                       truncated (how many bytes were expected and found), or trailing bytes
     */
    public static Array read(Path file, int expectedDims) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in;
            try {
                in = open(file.toString(), raw);
            } catch (DataException e) {
                // a damaged header; a download says its own (nothing of it was kept)
                throw new DataException(e.getMessage() + FETCH_AGAIN, e);
            }
            // a raw file holds at most its size in data; a gzip file's decompressed size is only known by reading it
            long size = in instanceof GZIPInputStream ? -1 : Files.size(file);
            return read(in, file.toString(), expectedDims, size);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        }
    }

    /** Wraps the stream in a gzip decoder when it starts with the gzip magic 1f 8b; {@code name} is used in messages. */
    static InputStream open(String name, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                // no buffer on top: reads are whole arrays, and a buffer would drop the count read before a cut-off stream's EOF
                return new GZIPInputStream(in, 1 << 16);
            } catch (ZipException | EOFException e) {
                throw new DataException(name + ": not a valid gzip file (" + e.getMessage() + ")");
            }
        }
        return in;
    }

    /** Reads from an already-decompressed stream; {@code name} is used in messages. */
    public static Array read(InputStream stream, String name, int expectedDims) throws IOException {
        return read(stream, name, expectedDims, -1);
    }

    /**
     * The data buffer starts at this size when the stream's length is not known (gzip) and doubles as
     * the data arrive, up to what the header claims: a header's counts are not believed before the bytes
     * are there (a 100-byte file claiming 1,300,000 images took a gigabyte, or OutOfMemoryError, to be
     * called truncated).
     */
    private static final int FIRST_BUFFER = 1 << 20;

    /** {@code size}: the stream's length in bytes when known (a raw file), else -1. */
    private static Array read(InputStream stream, String name, int expectedDims, long size) throws IOException {
        DataInputStream in = new DataInputStream(stream);    // DataInputStream is big-endian: IDX's order
        byte[] magic = new byte[4];
        int got = readFully(in, magic, name);
        if (got < 4) {
            throw new DataException(name + ": truncated IDX file: header needs 4 bytes, found " + got);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataException(name + ": not an IDX file (magic number "
                    + String.format("%02x%02x%02x%02x", magic[0], magic[1], magic[2], magic[3])
                    + ", expected 0000080" + expectedDims + ")");
        }
        if ((magic[2] & 0xff) != UBYTE) {
            throw new DataException(name + ": IDX element type 0x" + Integer.toHexString(magic[2] & 0xff)
                    + " is not supported (expected 0x08, unsigned byte)");
        }
        int rank = magic[3] & 0xff;
        if (rank != expectedDims) {
            throw new DataException(name + ": IDX file has " + rank + " dimensions, expected " + expectedDims);
        }
        byte[] header = new byte[4 * rank];
        got = readFully(in, header, name);
        if (got < header.length) {
            throw new DataException(name + ": truncated IDX file: header needs " + (4 + header.length)
                    + " bytes, found " + (4 + got));
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = ((header[4 * i] & 0xff) << 24) | ((header[4 * i + 1] & 0xff) << 16)
                    | ((header[4 * i + 2] & 0xff) << 8) | (header[4 * i + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new DataException(name + ": IDX dimension " + i + " is " + dims[i] + ", must be positive");
            }
            total *= dims[i];
            if (total > MAX_BYTES) {
                throw new DataException(name + ": IDX header claims " + Arrays.toString(dims)
                        + " elements, more than the " + MAX_BYTES + " allowed");
            }
        }
        long present = size - 4 - header.length;   // the data bytes a raw file holds
        if (size >= 0 && present < total) {
            throw truncated(name, dims, total, present);
        }
        byte[] data = new byte[(int) (size >= 0 ? total : Math.min(total, FIRST_BUFFER))];
        got = readFully(in, data, 0, name);
        while (got == data.length && data.length < total) {
            data = Arrays.copyOf(data, (int) Math.min(total, 2L * data.length));
            got = readFully(in, data, got, name);
        }
        if (got < total) {
            throw truncated(name, dims, total, got);
        }
        if (readsMore(in, name)) {
            throw new DataException(name + ": IDX file has bytes after the " + data.length
                    + " that its dimensions " + Arrays.toString(dims) + " account for");
        }
        return new Array(dims, data);
    }

    private static DataException truncated(String name, int[] dims, long need, long found) {
        return new DataException(name + ": truncated IDX file: dimensions " + Arrays.toString(dims)
                + " need " + need + " data bytes, found " + found
                + " (" + (need - found) + " missing)" + FETCH_AGAIN);
    }

    /**
     * Whether anything follows the data, read to the stream's end. A gzip stream checks its trailer
     * (CRC-32 and length) only at its end, and damaged compressed data can inflate to more bytes than
     * the header counts: stopping at the first byte after the data said such a file had bytes after
     * its data, where it is damaged. A cut trailer shows up here too.
     */
    private static boolean readsMore(InputStream in, String name) throws IOException {
        byte[] rest = new byte[8192];
        boolean more = false;
        try {
            for (int n = in.read(rest); n != -1; n = in.read(rest)) {
                more |= n > 0;
            }
            return more;
        } catch (ZipException e) {
            throw corrupt(name, e);
        } catch (EOFException e) {
            throw new DataException(name + ": truncated gzip file (its trailer is cut off)" + FETCH_AGAIN);
        }
    }

    /** Reads until the buffer is full or the stream ends; returns the number of bytes read. */
    private static int readFully(InputStream in, byte[] buffer, String name) throws IOException {
        return readFully(in, buffer, 0, name);
    }

    /** Reads into {@code buffer} from {@code off} until it is full or the stream ends; returns the bytes in it from 0. */
    private static int readFully(InputStream in, byte[] buffer, int off, String name) throws IOException {
        try {
            while (off < buffer.length) {
                int n = in.read(buffer, off, buffer.length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (EOFException e) {
            // a gzip stream cut short ends with "Unexpected end of ZLIB input stream": report as truncation
            return off;
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
        return off;
    }

    private static DataException corrupt(String name, ZipException e) {
        return new DataException(name + ": corrupt gzip file: its compressed data are damaged (" + e.getMessage() + ")" + FETCH_AGAIN);
    }
}
