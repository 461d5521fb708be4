package dev.numera.bench.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A static file server on 127.0.0.1 with the headers the benchmark needs: cross-origin isolation
 * (COOP same-origin + COEP require-corp, for 5 µs performance.now() and threads), correct MIME types
 * (application/wasm), no caching. Several directories are mounted under URL prefixes; requests to
 * logged mounts are recorded so the runner can count the bytes a page downloaded.
 *
 * <p>Why not the app's {@code dev.numera.web.server.StaticServer}: that one serves one site with the
 * app's caching (no-cache, its CSP header); this one mounts several folders, logs requests and never
 * lets anything be cached. And web-app is not on this module's runtime class path (benchmarks.jar
 * would otherwise carry TeaVM's class library).
 */
public final class BenchServer implements AutoCloseable {
    private static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("wasm", "application/wasm"), Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    /** One served request. */
    public static final class Hit {
        public final String path;
        public final Path file;
        public final long bytes;
        public final int status;
        /** Requested with Cache-Control: no-cache, as a service worker's {@code cache: "reload"} pre-cache does. */
        public final boolean revalidate;
        /** When the request arrived, ms since the epoch (comparable with a page's performance.timeOrigin + now()). */
        public final double atEpochMs;

        Hit(String path, Path file, long bytes, int status, boolean revalidate) {
            java.time.Instant now = java.time.Instant.now();
            this.atEpochMs = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
            this.path = path;
            this.file = file;
            this.bytes = bytes;
            this.status = status;
            this.revalidate = revalidate;
        }
    }

    private final HttpServer server;
    private final Map<String, Path> mounts = new LinkedHashMap<>();
    private final Map<String, Boolean> logged = new LinkedHashMap<>();
    private final List<Hit> log = new ArrayList<>();

    public BenchServer() throws IOException {
        // TCP_NODELAY, as every production web server sets it: the JDK server writes headers and body
        // separately and, with Nagle's algorithm on, the body waits for the browser's delayed ACK
        // (~40 ms on Linux) on every small response. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
    }

    /** Serves {@code dir} under {@code prefix} ("/" or "/name/"); longest prefix wins. */
    public BenchServer mount(String prefix, Path dir, boolean logRequests) {
        mounts.put(prefix, dir.toAbsolutePath().normalize());
        logged.put(prefix, logRequests);
        return this;
    }

    public BenchServer start() {
        server.start();
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The requests logged since the last call, and clears the log. */
    public synchronized List<Hit> drainLog() {
        List<Hit> l = new ArrayList<>(log);
        log.clear();
        return l;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            String prefix = null;
            for (String p : mounts.keySet()) if (path.startsWith(p) && (prefix == null || p.length() > prefix.length())) prefix = p;
            var h = ex.getResponseHeaders();
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Cross-Origin-Embedder-Policy", "require-corp");
            h.set("Cross-Origin-Resource-Policy", "same-origin");
            h.set("Cache-Control", "no-store");
            Path file = null;
            if (prefix != null) {
                Path base = mounts.get(prefix);
                String rel = path.substring(prefix.length());
                if (rel.isEmpty() || rel.endsWith("/")) rel += "index.html";
                Path f = base.resolve(rel).normalize();
                if (f.startsWith(base) && Files.isRegularFile(f)) file = f;
            }
            boolean head = "HEAD".equals(ex.getRequestMethod());
            if (file == null) {
                record(prefix, path, null, 0, 404, false);
                byte[] msg = ("not found: " + path).getBytes();
                h.set("Content-Type", "text/plain");
                ex.sendResponseHeaders(404, head ? -1 : msg.length);
                if (!head) ex.getResponseBody().write(msg);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            h.set("Content-Type", MIME.getOrDefault(ext, "application/octet-stream"));
            byte[] body = Files.readAllBytes(file);
            String cc = String.valueOf(ex.getRequestHeaders().getFirst("Cache-Control")) + " " + ex.getRequestHeaders().getFirst("Pragma");
            record(prefix, path, file, body.length, 200, cc.contains("no-cache"));
            ex.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }

    private synchronized void record(String prefix, String path, Path file, long bytes, int status, boolean revalidate) {
        if (prefix == null || Boolean.TRUE.equals(logged.get(prefix))) log.add(new Hit(path, file, bytes, status, revalidate));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
