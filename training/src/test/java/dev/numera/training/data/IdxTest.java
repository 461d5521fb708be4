package dev.numera.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipAlike() throws IOException {
        byte[] raw = IdxFiles.images(3);
        Path a = Files.write(dir.resolve("raw"), raw);
        Path b = Files.write(dir.resolve("gz"), IdxFiles.gzip(raw));
        Idx.Array x = Idx.read(a, 3);
        Idx.Array y = Idx.read(b, 3);
        assertArrayEquals(new int[] {3, 28, 28}, x.dims());
        assertArrayEquals(x.data(), y.data());
        assertEquals((byte) (2 + 5), x.data()[2 * 784 + 5]);
    }

    @Test
    void truncatedDataNamesFileAndMissingBytes() throws IOException {
        byte[] raw = IdxFiles.images(2);
        Path f = Files.write(dir.resolve("cut-images"), Arrays.copyOf(raw, raw.length - 100));
        DataException e = assertThrows(DataException.class, () -> Idx.read(f, 3));
        assertTrue(e.getMessage().contains("cut-images"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("100 missing"), e.getMessage());
    }

    /**
     * A header's counts are not believed before the data are there: a 100-byte file claiming 1,300,000
     * images is truncated, said without allocating the gigabyte it claims (raw: from the file's size;
     * gzip: the buffer grows as the data arrive). This thread's allocation shows it.
     */
    @Test
    void aHeaderClaimingMoreThanTheFileHoldsAllocatesNoMoreThanTheData() throws IOException {
        byte[] header = IdxFiles.idx(new int[] {1_300_000, 28, 28}, new byte[84]);   // 100 bytes in all
        Path raw = Files.write(dir.resolve("raw-images"), header);
        Path gz = Files.write(dir.resolve("gz-images"), IdxFiles.gzip(header));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (Path f : new Path[] {raw, gz}) {
            long before = threads.getCurrentThreadAllocatedBytes();
            DataException e = assertThrows(DataException.class, () -> Idx.read(f, 3));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(f + ": truncated IDX file: dimensions [1300000, 28, 28] need 1019200000 data bytes, found 84 (1019199916 missing);"
                    + " delete it and fetch it again", e.getMessage());
            assertTrue(allocated < 16 << 20, f.getFileName() + ": " + allocated + " bytes allocated");
        }
    }

    @Test
    void truncatedGzipIsReportedAsTruncation() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(20));
        Path f = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> Idx.read(f, 3));
        assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
        // the bytes that did decompress are counted: a cut-off stream is not "found 0"
        assertTrue(e.getMessage().matches("(?s).*found [1-9]\\d* \\(.*"), e.getMessage());
    }

    /** The gzip trailer is read after the data: a bad CRC there, or a trailer cut short, names the file too. */
    @Test
    void corruptOrCutGzipTrailerNamesTheFile() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(3));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 0x01;             // the trailer: CRC-32, then the length, 4 bytes each
        Path crc = Files.write(dir.resolve("crc.gz"), badCrc);
        DataException e = assertThrows(DataException.class, () -> Idx.read(crc, 3));
        assertEquals(crc + ": corrupt gzip file: its compressed data are damaged (Corrupt GZIP trailer); delete it and fetch it again", e.getMessage());
        Path cut = Files.write(dir.resolve("cut-trailer.gz"), Arrays.copyOf(gz, gz.length - 3));
        e = assertThrows(DataException.class, () -> Idx.read(cut, 3));
        assertEquals(cut + ": truncated gzip file (its trailer is cut off); delete it and fetch it again", e.getMessage());
    }

    /** A gzip file whose header is damaged (its compression method byte) is said to be no gzip file, with the same advice. */
    @Test
    void aDamagedGzipHeaderNamesTheFileAndSaysWhatToDo() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(3));
        gz[2] = 7;   // after the magic 1f 8b: the method, 8 (deflate) in every gzip file
        Path bad = Files.write(dir.resolve("bad-header.gz"), gz);
        DataException e = assertThrows(DataException.class, () -> Idx.read(bad, 3));
        assertEquals(bad + ": not a valid gzip file (Unsupported compression method); delete it and fetch it again", e.getMessage());
    }

    /**
     * A byte flipped in the middle of the real test images' compressed data inflates to more bytes than the header
     * counts: it was said to be an IDX file with bytes after its data, the size checked before the gzip CRC.
     */
    @Test
    void aFlippedByteInARealGzipFileIsSaidToBeDamaged() throws IOException {
        Path images = MnistTest.sharedMnist().resolve(MnistFile.TEST_IMAGES.gzName());
        assumeTrue(Files.isRegularFile(images), images + " not found; skipping");
        byte[] gz = Files.readAllBytes(images);
        gz[gz.length / 2] ^= 0x01;
        Path damaged = Files.write(dir.resolve(images.getFileName()), gz);
        DataException e = assertThrows(DataException.class, () -> Idx.read(damaged, 3));
        assertEquals(damaged + ": corrupt gzip file: its compressed data are damaged (Corrupt GZIP trailer); delete it and fetch it again",
                e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = Files.write(dir.resolve("h"), Arrays.copyOf(IdxFiles.images(1), 9));
        DataException e = assertThrows(DataException.class, () -> Idx.read(f, 3));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void rejectsBadMagicWrongRankAndTrailingBytes() throws IOException {
        Path png = Files.write(dir.resolve("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        assertTrue(assertThrows(DataException.class, () -> Idx.read(png, 3)).getMessage().contains("not an IDX"));

        Path labels = Files.write(dir.resolve("labels"), IdxFiles.labels(5));
        assertTrue(assertThrows(DataException.class, () -> Idx.read(labels, 3)).getMessage()
                .contains("1 dimensions, expected 3"));

        byte[] raw = IdxFiles.labels(5);
        Path extra = Files.write(dir.resolve("extra"), Arrays.copyOf(raw, raw.length + 1));
        assertTrue(assertThrows(DataException.class, () -> Idx.read(extra, 1)).getMessage().contains("bytes after"));
    }

    @Test
    void missingFile() {
        DataException e = assertThrows(DataException.class, () -> Idx.read(dir.resolve("nope"), 1));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
