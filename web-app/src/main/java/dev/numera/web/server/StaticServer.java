package dev.numera.web.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small static file server for the built site, for development, the README's serve command and
 * the browser tests. JVM only: TeaVM never reaches this class.
 *
 * <p>Why not any static server: Wasm compiles while it downloads only when served as
 * {@code application/wasm} (compileStreaming refuses anything else; the loader then compiles the
 * whole download instead, later); COOP/COEP make the page cross-origin isolated, so {@code performance.now()} has
 * fine resolution for benchmarks; the CSP header is read from index.html's meta tag so the two can
 * never disagree, read again whenever index.html changes: a rebuild under a running server gives the
 * inline scripts new hashes, and a header holding the old ones would block them.
 *
 * <p>Usage: {@code java -cp web-app/target/classes dev.numera.web.server.StaticServer SITE_DIR [PORT]}
 * (port 0 picks a free one). Binds to the loopback address only: localhost is a secure context,
 * so the camera works, and nothing is exposed to the network.
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("nmod", "application/octet-stream"));

    private final Path root;
    private final Path realRoot;   // the root with its links resolved: what a served file's real path must be inside
    private final HttpServer server;
    private volatile Policy policy = new Policy(null, -1, null);   // index.html's CSP, with the file state it was read from
    private volatile boolean offline;
    private volatile boolean wasmUntyped;
    private volatile boolean indexRedirect;

    public StaticServer(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = Files.exists(this.root) ? this.root.toRealPath() : this.root;
        // TCP_NODELAY, as every production web server sets it: the JDK server writes headers and body
        // separately and, with Nagle's algorithm on, the body waits for the browser's delayed ACK
        // (~40 ms on Linux) on every small response. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL on "localhost" (not 127.0.0.1): the name the README uses, and a secure context. */
    public String url(String path) {
        return "http://localhost:" + port() + "/" + path;
    }

    /** Tests: simulate a dead network. Every request fails with a dropped connection. */
    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** Tests: serve .wasm as application/octet-stream, as a host that does not know the type does. */
    public void setWasmUntyped(boolean untyped) {
        this.wasmUntyped = untyped;
    }

    /** Tests: answer .../index.html with a 308 to its folder, as hosts with "pretty URLs" do (Cloudflare Pages). */
    public void setIndexRedirect(boolean redirect) {
        this.indexRedirect = redirect;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (offline) {
                return; // closing without a response: the browser sees a network error
            }
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");   // a 405 must say what is allowed (RFC 9110)
                send(ex, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"), method);
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (indexRedirect && path.endsWith("/index.html")) {
                String query = ex.getRequestURI().getRawQuery();
                ex.getResponseHeaders().set("Location", path.substring(0, path.length() - "index.html".length()) + (query == null ? "" : "?" + query));
                send(ex, 308, "text/plain; charset=utf-8", bytes("moved\n"), method);
                return;
            }
            Path file = resolve(ex.getRequestURI());
            if (file == null) {
                send(ex, 404, "text/plain; charset=utf-8", bytes("not found\n"), method);
                return;
            }
            String type = wasmUntyped && file.toString().endsWith(".wasm") ? "application/octet-stream" : type(file);
            sendFile(ex, type, file, method);
        }
    }

    /** Maps a request path to a regular file inside the root, or null: no traversal, no listing. */
    Path resolve(URI uri) {
        String path = uri.getPath(); // already percent-decoded
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            // a link inside the site must not lead out of it (a link to /etc/passwd, or to a folder holding it)
            return file.toRealPath().startsWith(realRoot) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A file, streamed: the site's files are small, but nothing caps what a folder served this way holds.
     * With an ETag (its size and modification time, as common static servers make it): a browser's
     * revalidation of an unchanged file (Cache-Control: no-cache) gets 304 and no body, so the service
     * worker's pre-cache does not download again what the page has just loaded.
     */
    private void sendFile(HttpExchange ex, String type, Path file, String method) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attrs.size();
        String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)) + "\"";
        headers(ex, type);
        ex.getResponseHeaders().set("ETag", etag);
        if (matches(ex.getRequestHeaders().getFirst("If-None-Match"), etag)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(size));   // what a GET would send
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    /** If-None-Match against this ETag, compared weakly (RFC 9110, 13.1.2): any listed tag, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private void send(HttpExchange ex, int status, String type, byte[] body, String method) throws IOException {
        headers(ex, type);
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void headers(HttpExchange ex, String type) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Embedder-Policy", "require-corp");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-cache"); // the service worker does the caching, versioned
        String csp = csp();
        if (csp != null) {
            h.set("Content-Security-Policy", csp);
        }
    }

    static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private record Policy(FileTime modified, long size, String csp) {
    }

    /** index.html's CSP as the file is now: read again when its modification time or size changed. */
    private String csp() throws IOException {
        Path index = root.resolve("index.html");
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(index, BasicFileAttributes.class);   // one look at the file per request
        } catch (NoSuchFileException e) {
            return null;
        }
        Policy p = policy;
        if (!now.lastModifiedTime().equals(p.modified()) || now.size() != p.size()) {
            p = new Policy(now.lastModifiedTime(), now.size(), readCsp(index));
            policy = p;
        }
        return p.csp();
    }

    /** The content of index.html's CSP meta tag, so the header mirrors it exactly. */
    static String readCsp(Path index) throws IOException {
        if (!Files.isRegularFile(index)) {
            return null;
        }
        String html = Files.readString(index, StandardCharsets.UTF_8);
        int at = html.indexOf("http-equiv=\"Content-Security-Policy\"");
        if (at < 0) {
            return null;
        }
        int start = html.indexOf("content=\"", at) + "content=\"".length();
        int end = html.indexOf('"', start);
        return html.substring(start, end);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        String usage = "usage: StaticServer SITE_DIR [PORT]  (serves the built site, web-app/target/site; PORT 8080 unless given, 0 picks a free one)";
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            return;
        }
        if (args.length < 1 || args.length > 2) {
            System.err.println(usage);
            System.exit(2);
        }
        if (args[0].startsWith("-")) {
            System.err.println("unknown option " + args[0] + "; " + usage);
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            System.err.println("no index.html in " + root.toAbsolutePath() + " (build first: mvn -B -q -DskipTests package)");
            System.exit(1);
        }
        int port = 8080;
        if (args.length > 1) {
            try {
                port = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                System.err.println("not a port: " + args[1] + " (0-65535; 0 picks a free one)");
                System.exit(2);
            }
        }
        StaticServer s;
        try {
            s = new StaticServer(root, port);
        } catch (java.net.BindException e) {
            System.err.println("port " + port + " is in use (another server?): stop that one, or give another port: StaticServer SITE_DIR PORT");
            System.exit(1);
            return;
        }
        System.out.println("Numera: serving " + s.root + " at " + s.url("") + "  (Ctrl+C stops)");
        // the executor threads are daemons; keep the JVM alive until Ctrl+C
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            s.close();
        }
    }
}
