package dev.numera.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MnistTest {
    @TempDir
    Path dir;

    static Path sharedMnist() {
        String p = System.getProperty("numera.mnist.dir");
        assumeTrue(p != null && Files.isRegularFile(Path.of(p, "t10k-labels-idx1-ubyte.gz")),
                "MNIST not found at numera.mnist.dir=" + p + "; skipping");
        return Path.of(p);
    }

    @Test
    void loadsSyntheticFolderWithMixedCompression() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(7)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(7));
        Dataset test = Mnist.load(dir, Mnist.Part.TEST);
        assertEquals(7, test.count());
        assertEquals(6, test.label(6));
        assertEquals(3 / 255f, test.images()[784 * 3], 0f);
        assertEquals(List.of(MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS), Mnist.missing(dir, Mnist.Part.values()));
    }

    @Test
    void labelCountMustMatchImages() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(3));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(4));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir, Mnist.Part.TEST));
        assertTrue(e.getMessage().contains("4 labels for 3 images"), e.getMessage());
    }

    @Test
    void realTestSetHasPublishedShapeAndChecksums() throws IOException {
        Path shared = sharedMnist();
        Dataset test = Mnist.load(shared, Mnist.Part.TEST);
        assertEquals(10_000, test.count());
        assertEquals(7, test.label(0));          // the first test digit is a 7
        assertEquals(MnistFile.TEST_LABELS.sha256(),
                Download.sha256OfDecompressed(shared.resolve(MnistFile.TEST_LABELS.gzName())));
    }

    @Test
    void validationSplitIsSeededAndDisjoint() {
        int n = 200;
        float[] im = new float[n * 4];
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) {
            im[i * 4] = i;                      // image i carries its index
            lb[i] = (byte) (i % 10);
        }
        Dataset all = new Dataset(im, lb, 2);
        ValidationSplit a = ValidationSplit.of(all, 50, 1);
        ValidationSplit b = ValidationSplit.of(all, 50, 1);
        ValidationSplit c = ValidationSplit.of(all, 50, 2);
        assertEquals(150, a.train().count());
        assertEquals(50, a.validation().count());
        assertTrue(java.util.Arrays.equals(a.validation().images(), b.validation().images()));
        assertNotEquals(java.util.Arrays.toString(a.validation().images()), java.util.Arrays.toString(c.validation().images()));
        boolean[] seen = new boolean[n];
        for (Dataset d : List.of(a.train(), a.validation())) {
            for (int i = 0; i < d.count(); i++) {
                int idx = (int) d.images()[i * 4];
                assertTrue(!seen[idx], "index twice: " + idx);
                seen[idx] = true;
            }
        }
    }

    /** The commonest label's share: what always answering that label scores. */
    @Test
    void commonestLabelShare() {
        assertEquals(0.5, new Dataset(new float[4], new byte[] {3, 7, 3, 1}, 1).commonestLabelShare(), 0);
        assertEquals(0.1, new Dataset(new float[10], new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1).commonestLabelShare(), 0);
        assertEquals(1, new Dataset(new float[2], new byte[] {9, 9}, 1).commonestLabelShare(), 0);
        assertEquals(0, new Dataset(new float[0], new byte[0], 1).commonestLabelShare(), 0);
    }

    @Test
    void dataDirRule() throws IOException {
        Path root = Files.createDirectories(dir.resolve("proj"));
        Path home = dir.resolve("home");
        assertEquals(home.resolve(".cache/numera/mnist"), DataDir.resolve(Optional.of(root), home, null));
        assertEquals(Path.of("/x/numera/mnist"), DataDir.resolve(Optional.empty(), home, "/x"));
        Path shared = Files.createDirectories(dir.resolve("shared/mnist"));
        assertEquals(shared, DataDir.resolve(Optional.of(root), home, null));
        String msg = DataDir.missingMessage(shared, List.of(MnistFile.TRAIN_IMAGES));
        assertTrue(msg.startsWith("MNIST files missing in ") && msg.contains("train-images-idx3-ubyte.gz") && msg.contains("--download"), msg);
        // a folder that is not there (a mistyped --data) is said to be missing, not asked to be filled
        msg = DataDir.missingMessage(dir.resolve("typo"), List.of(MnistFile.TEST_IMAGES));
        assertTrue(msg.startsWith("no folder " + dir.resolve("typo") + " (for the MNIST files t10k-images-idx3-ubyte.gz)"), msg);
        // a relative XDG_CACHE_HOME is ignored (the XDG specification); HOME, when set and absolute, is the shell's ~
        assertEquals(home.resolve(".cache/numera/mnist"), DataDir.userCache(home, "relative/cache"));
        assertEquals(Path.of("/tmp/h"), DataDir.home("/tmp/h", "/root"));
        assertEquals(Path.of("/root"), DataDir.home("", "/root"));
        assertEquals(Path.of("/root"), DataDir.home("not/absolute", "/root"));
    }
}
