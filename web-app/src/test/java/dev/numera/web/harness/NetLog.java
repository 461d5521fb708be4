package dev.numera.web.harness;

import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.JsonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chromium's net log ({@code --log-net-log}): every URL request of the whole browser, a page's, a
 * service worker's and the browser's own alike, each with the origin that started it. The
 * performance log {@link Requests} reads sees only the page's target, not its service worker.
 */
public final class NetLog {
    private NetLog() {
    }

    /** A request and what started it: an origin ("http://localhost:8123"), or "not an origin" for the browser itself. */
    public record Request(String initiator, String url) {
    }

    /**
     * The requests in a net log file. A browser that did not shut down cleanly leaves the file
     * without its closing brackets; what was written is read.
     */
    @SuppressWarnings("unchecked")
    public static List<Request> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        Map<String, Object> log;
        try {
            log = new Json().toType(text, Map.class);
        } catch (JsonException cutOff) {   // the events array never closed: end it after the last whole event
            log = new Json().toType(text.replaceAll("[,\\s]+$", "") + "]}", Map.class);
        }
        Map<String, Object> constants = (Map<String, Object>) log.get("constants");
        Number startJob = (Number) ((Map<String, Object>) constants.get("logEventTypes")).get("URL_REQUEST_START_JOB");
        List<Request> out = new ArrayList<>();
        for (Object o : (List<Object>) log.get("events")) {
            Map<String, Object> e = (Map<String, Object>) o;
            Map<String, Object> params = (Map<String, Object>) e.get("params");
            if (((Number) e.get("type")).longValue() == startJob.longValue() && params != null && params.get("url") != null) {
                Object initiator = params.get("initiator");
                out.add(new Request(initiator == null ? "not an origin" : initiator.toString(), params.get("url").toString()));
            }
        }
        return out;
    }

    /**
     * The requests a page or worker of a web origin made outside that origin. The browser's own
     * (update checks, the new-tab page: initiator "not an origin", or a chrome:// one) are not the
     * app's, and data: and blob: URLs never reach the network.
     */
    public static List<Request> foreign(List<Request> all) {
        List<Request> out = new ArrayList<>();
        for (Request r : all) {
            boolean web = r.initiator().startsWith("http://") || r.initiator().startsWith("https://");
            if (web && !r.url().startsWith(r.initiator() + "/") && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) {
                out.add(r);
            }
        }
        return out;
    }
}
