package dev.numera.web.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticServerTest {
    @TempDir
    Path dir;

    private Path site() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"),
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><p>hi");
        Files.createDirectories(site.resolve("wasm"));
        Files.write(site.resolve("wasm/a.wasm"), new byte[] {0, 97, 115, 109});
        Files.writeString(dir.resolve("secret.txt"), "outside the root");
        return site;
    }

    private static HttpResponse<String> get(StaticServer s, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesWithTypesAndIsolationHeaders() throws Exception {
        try (StaticServer s = new StaticServer(site(), 0)) {
            HttpResponse<String> wasm = get(s, "wasm/a.wasm");
            assertEquals(200, wasm.statusCode());
            assertEquals("application/wasm", wasm.headers().firstValue("content-type").orElse(""));
            assertEquals("same-origin", wasm.headers().firstValue("cross-origin-opener-policy").orElse(""));
            assertEquals("require-corp", wasm.headers().firstValue("cross-origin-embedder-policy").orElse(""));
            assertEquals("default-src 'self'", wasm.headers().firstValue("content-security-policy").orElse(""));
            HttpResponse<String> root = get(s, "");
            assertEquals(200, root.statusCode());
            assertTrue(root.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            assertEquals(404, get(s, "nothing.js").statusCode());
            assertEquals(404, get(s, "wasm/").statusCode(), "no directory listing");
        }
    }

    /** An unchanged file revalidates to 304 with no body (the pre-cache after the page's own load); a changed one does not. */
    @Test
    void anUnchangedFileRevalidatesWithoutItsBody() throws Exception {
        Path site = site();
        try (StaticServer s = new StaticServer(site, 0)) {
            HttpResponse<String> first = get(s, "wasm/a.wasm");
            String etag = first.headers().firstValue("etag").orElse("");
            assertTrue(etag.startsWith("W/\""), etag);
            HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url("wasm/a.wasm")))
                    .header("If-None-Match", "\"other\", " + etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals("no-cache", again.headers().firstValue("cache-control").orElse(""));
            Files.write(site.resolve("wasm/a.wasm"), new byte[] {0, 97, 115, 109, 1});
            HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url("wasm/a.wasm")))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, changed.statusCode());
            assertEquals(5, changed.body().length());
        }
        assertTrue(StaticServer.matches("*", "W/\"1-2\""));
        assertTrue(StaticServer.matches("\"1-2\"", "W/\"1-2\""));
        assertFalse(StaticServer.matches("W/\"1-3\"", "W/\"1-2\""));
        assertFalse(StaticServer.matches(null, "W/\"1-2\""));
    }

    /** A rebuild under a running server (README's serve command) gives the inline scripts new hashes. */
    @Test
    void thePolicyHeaderFollowsARebuiltIndex() throws Exception {
        Path site = site();
        try (StaticServer s = new StaticServer(site, 0)) {
            assertEquals("default-src 'self'", get(s, "").headers().firstValue("content-security-policy").orElse(""));
            String rebuilt = "script-src 'self' 'sha256-NEW'";
            Path tmp = site.resolve("index.html.tmp");
            Files.writeString(tmp, "<meta http-equiv=\"Content-Security-Policy\" content=\"" + rebuilt + "\"><p>hi again");
            Files.move(tmp, site.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            HttpResponse<String> page = get(s, "");
            assertTrue(page.body().contains("hi again"));
            assertEquals(rebuilt, page.headers().firstValue("content-security-policy").orElse(""));
            assertEquals(rebuilt, get(s, "wasm/a.wasm").headers().firstValue("content-security-policy").orElse(""));
        }
    }

    @Test
    void refusesToLeaveTheRoot() throws Exception {
        try (StaticServer s = new StaticServer(site(), 0)) {
            for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/wasm/../../secret.txt", "/..%2fsecret.txt"}) {
                // a raw request, so no client normalises the path first
                try (Socket socket = new Socket("localhost", s.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(!response.contains("outside the root"), path + " escaped the root: " + response);
                    assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), path + ": " + response);
                }
            }
        }
    }

    /** A link in the site is followed only where it stays inside it: not to a file or a folder outside. */
    @Test
    void linksDoNotLeadOutOfTheRoot() throws Exception {
        Path site = site();
        Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("outside"), dir);
        Files.createSymbolicLink(site.resolve("home.html"), site.resolve("index.html"));
        try (StaticServer s = new StaticServer(site, 0)) {
            assertEquals(404, get(s, "leak.txt").statusCode(), "a link to a file outside");
            assertEquals(404, get(s, "outside/secret.txt").statusCode(), "a file in a linked folder outside");
            HttpResponse<String> inside = get(s, "home.html");
            assertEquals(200, inside.statusCode(), "a link to a file inside");
            assertTrue(inside.body().endsWith("<p>hi"));
        }
    }

    /** What a raw request gets back, headers and body as sent. */
    private static String raw(StaticServer s, String request) throws Exception {
        try (Socket socket = new Socket("localhost", s.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((request + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** HEAD says the length a GET would send and sends nothing; a method the server does not serve is told which it does. */
    @Test
    void headAndOtherMethods() throws Exception {
        Path site = site();
        Files.write(site.resolve("big.bin"), new byte[3_000_000]);
        try (StaticServer s = new StaticServer(site, 0)) {
            String head = raw(s, "HEAD /wasm/a.wasm HTTP/1.1");
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\ncontent-length: 4\r\n"), head);
            assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head);
            HttpResponse<byte[]> big = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url("big.bin"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(3_000_000, big.body().length);
            assertEquals("3000000", big.headers().firstValue("content-length").orElse(""));
            String post = raw(s, "POST /index.html HTTP/1.1\r\nContent-Length: 0");
            assertTrue(post.startsWith("HTTP/1.1 405"), post);
            assertTrue(post.toLowerCase(java.util.Locale.ROOT).contains("\r\nallow: get, head\r\n"), post);
        }
    }

    /** The serve command's mistakes get one line each, not a stack trace. */
    @Test
    void aBadPortOrOneInUseIsSaidInOneLine() throws Exception {
        Path site = site();
        ProcessBuilder notAPort = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), StaticServer.class.getName(),
                site.toString(), "abc").redirectErrorStream(true);
        Process p = notAPort.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertEquals("not a port: abc (0-65535; 0 picks a free one)\n", out);
        try (StaticServer taken = new StaticServer(site, 0)) {
            Process q = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), StaticServer.class.getName(),
                    site.toString(), Integer.toString(taken.port())).redirectErrorStream(true).start();
            String said = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, q.waitFor());
            assertTrue(said.startsWith("port " + taken.port() + " is in use") && said.indexOf('\n') == said.length() - 1, said);
        }
    }

    /** --help prints the usage and exits 0; any other option is named, not taken for the site folder. */
    @Test
    void helpPrintsTheUsageAndAnOptionIsNotASiteFolder() throws Exception {
        String usage = "usage: StaticServer SITE_DIR [PORT]  (serves the built site, web-app/target/site; PORT 8080 unless given, 0 picks a free one)\n";
        for (String[] c : new String[][] {{"--help", "0", usage}, {"-h", "0", usage}, {"--port", "2", "unknown option --port; " + usage}}) {
            Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), StaticServer.class.getName(), c[0])
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Integer.parseInt(c[1]), p.waitFor(), out);
            assertEquals(c[2], out);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
