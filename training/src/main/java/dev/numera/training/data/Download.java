package dev.numera.training.data;

import dev.numera.training.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fetches the MNIST files from a mirror and keeps them only if the SHA-256 of their decompressed
 * bytes matches the published IDX content. Each file is written to a temporary file next to its
 * destination and renamed into place after verification, so the folder never holds a partial or
 * unverified file: on a mismatch or a broken connection the temporary file is deleted.
 */
public final class Download {
    /** Google's copy of LeCun's files, used by TensorFlow's datasets (a String: it is {@code --mirror}'s default). */
    public static final String DEFAULT_MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";

    private static final String NOT_KEPT = "; the file was not kept (wrong or corrupt mirror? try --mirror URL)";

    private final URI mirror;
    private final HttpClient http;
    private final Consumer<String> log;

    public Download(URI mirror, Consumer<String> log) {
        this(mirror, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build(), log);
    }

    public Download(URI mirror, HttpClient http, Consumer<String> log) {
        String base = mirror.toString();
        this.mirror = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = http;
        this.log = log;
    }

    /** Downloads every file in {@code files} into {@code dir} (created if needed). */
    public void fetch(Path dir, List<MnistFile> files) throws IOException {
        Files.createDirectories(dir);
        for (MnistFile f : files) {
            fetch(dir, f);
        }
    }

    /** Downloads one file; returns where it was stored. */
    public Path fetch(Path dir, MnistFile file) throws IOException {
        URI uri = mirror.resolve(file.gzName());
        Path target = dir.resolve(file.gzName());
        Path tmp = Files.createTempFile(dir, "." + file.gzName() + ".", ".part");
        // the finally below does not run when the program is stopped (Ctrl-C): the JVM's exit hook then
        // removes the partial file (a no-op once it has been renamed or deleted here)
        tmp.toFile().deleteOnExit();
        try {
            log.accept("downloading " + uri);
            long bytes = get(uri, tmp);
            String actual;
            try {
                // said of the file asked for: the temporary file's name means nothing to the user, and it is deleted below
                actual = sha256OfDecompressed(tmp, file.gzName() + " from " + uri);
            } catch (DataException e) {
                throw new DataException(e.getMessage() + NOT_KEPT, e);
            }
            if (!actual.equals(file.sha256())) {
                throw new DataException("checksum mismatch for " + file.gzName() + " from " + uri
                        + ": SHA-256 of the decompressed bytes is " + actual + ", expected " + file.sha256() + NOT_KEPT);
            }
            AtomicFiles.readableByAll(tmp);
            AtomicFiles.replace(tmp, target);
            log.accept("verified " + target + " (" + bytes + " bytes, SHA-256 ok)");
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private long get(URI uri, Path into) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(into));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("download of " + uri + " interrupted");
        } catch (IOException e) {
            throw new DataException("could not download " + uri + ": " + describe(e, uri), e);
        }
        if (response.statusCode() != 200) {
            throw new DataException("could not download " + uri + ": HTTP " + response.statusCode());
        }
        return Files.size(into);
    }

    /**
     * The JDK's HttpClient throws a ConnectException with no message both for a host it cannot
     * resolve and for a refused connection (the usual cases offline): named from its cause instead.
     */
    private static String describe(IOException e, URI uri) {
        if (e instanceof ConnectException && e.getMessage() == null) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                    return "cannot find the host " + uri.getHost() + " (no network, or a wrong --mirror?)";
                }
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return "cannot connect to " + uri.getHost() + ":" + port + " (no network, or nothing serving there?)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** SHA-256 (lower-case hex) of the file's content after gunzip, or of the raw bytes if not gzip. */
    public static String sha256OfDecompressed(Path file) throws IOException {
        return sha256OfDecompressed(file, file.toString());
    }

    /** {@code name}: the file as messages say it. */
    private static String sha256OfDecompressed(Path file, String name) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new DigestInputStream(Idx.open(name, raw), sha)) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte read
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataException(name + ": corrupt gzip data (" + e.getMessage() + ")");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

}
