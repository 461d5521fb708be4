package dev.numera.training.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The download path against a local HTTP server: never the internet. */
class DownloadTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/mnist/".length());
            byte[] body = served.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI mirror() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist");   // no trailing slash on purpose
    }

    private List<String> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A download stopped part-way (Ctrl-C, or the system stopping the program) leaves no partial file
     * behind: the JVM runs its shutdown hooks on SIGINT and SIGTERM alike, and Process.destroy sends
     * the latter.
     */
    @Test
    void aDownloadStoppedPartWayLeavesNoPartialFile() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/slow/", exchange -> {
            exchange.sendResponseHeaders(200, 10_000_000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[65536]);
                out.flush();
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);   // then never the rest
            } catch (InterruptedException | IOException e) {
                // the client went away
            }
            exchange.close();
        });
        Path out = Files.createDirectories(dir.resolve("mnist"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), DownloadChild.class.getName(),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/slow/", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long until = System.nanoTime() + 60_000_000_000L;
            while (partFiles(out).isEmpty() || Files.size(out.resolve(partFiles(out).get(0))) == 0) {
                assertTrue(child.isAlive() && System.nanoTime() < until, "the download never started: " + Files.readString(dir.resolve("child.log")));
                Thread.sleep(50);
            }
            child.destroy();
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(List.of(), filesIn(out), "left behind after the stop");
        } finally {
            child.destroyForcibly();
            release.countDown();
        }
    }

    private List<String> partFiles(Path d) throws IOException {
        return filesIn(d).stream().filter(n -> n.endsWith(".part")).toList();
    }

    @Test
    void correctDownloadIsVerifiedAndKept() throws IOException {
        Path shared = MnistTest.sharedMnist();     // the real bytes are needed for the real checksum
        byte[] gz = Files.readAllBytes(shared.resolve(MnistFile.TEST_LABELS.gzName()));
        served.put(MnistFile.TEST_LABELS.gzName(), gz);
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("cache/mnist");
        new Download(mirror(), log::add).fetch(out, List.of(MnistFile.TEST_LABELS));
        assertArrayEquals(gz, Files.readAllBytes(out.resolve(MnistFile.TEST_LABELS.gzName())));
        assertEquals(List.of(MnistFile.TEST_LABELS.gzName()), filesIn(out));
        assertTrue(log.get(log.size() - 1).contains("SHA-256 ok"), log.toString());
    }

    @Test
    void wrongChecksumFailsClearlyAndLeavesNoFile() throws IOException {
        served.put(MnistFile.TEST_LABELS.gzName(), IdxFiles.gzip(IdxFiles.labels(10_000)));
        DataException e = assertThrows(DataException.class,
                () -> new Download(mirror(), s -> { }).fetch(dir, MnistFile.TEST_LABELS));
        assertTrue(e.getMessage().startsWith("checksum mismatch for t10k-labels-idx1-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains(MnistFile.TEST_LABELS.sha256()), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    /**
     * A download that is damaged gzip is said of the file asked for and its URL: it was said of the temporary
     * .part file, deleted by then. A bad CRC, and a gzip header with an unknown compression method.
     */
    @Test
    void corruptGzipIsNamedByTheFileAskedForAndLeavesNoFile() throws IOException {
        byte[] badCrc = IdxFiles.gzip(IdxFiles.labels(10_000));
        badCrc[badCrc.length - 8] ^= 0x01;                  // the trailer: CRC-32, then the length
        byte[] badHeader = {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        String from = MnistFile.TEST_LABELS.gzName() + " from " + mirror() + "/" + MnistFile.TEST_LABELS.gzName();
        String notKept = "; the file was not kept (wrong or corrupt mirror? try --mirror URL)";
        record Case(byte[] body, String expected) {
        }
        for (Case c : List.of(new Case(badCrc, from + ": corrupt gzip data (Corrupt GZIP trailer)" + notKept),
                new Case(badHeader, from + ": not a valid gzip file (Unsupported compression method)" + notKept))) {
            served.put(MnistFile.TEST_LABELS.gzName(), c.body);
            DataException e = assertThrows(DataException.class, () -> new Download(mirror(), s -> { }).fetch(dir, MnistFile.TEST_LABELS));
            assertEquals(c.expected, e.getMessage());
            assertEquals(List.of(), filesIn(dir));
        }
    }

    @Test
    void httpErrorFailsClearlyAndLeavesNoFile() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> new Download(mirror(), s -> { }).fetch(dir, MnistFile.TRAIN_LABELS));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    /** The JDK's HttpClient says only "ConnectException" for these: the likely case offline. */
    @Test
    void anUnknownHostIsNamed() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> new Download(URI.create("http://mnist-mirror.invalid/"), s -> { }).fetch(dir, MnistFile.TEST_LABELS));
        assertTrue(e.getMessage().endsWith(": cannot find the host mnist-mirror.invalid (no network, or a wrong --mirror?)"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aRefusedConnectionIsNamed() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);                                                   // nothing listens there now
        DataException e = assertThrows(DataException.class,
                () -> new Download(mirror(), s -> { }).fetch(dir, MnistFile.TEST_LABELS));
        assertTrue(e.getMessage().endsWith(": cannot connect to 127.0.0.1:" + port + " (no network, or nothing serving there?)"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }
}
