package dev.numera.web.harness;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A DevTools connection of the test's own to the current page, for commands sent one after another
 * without waiting for their answers, and for the events chromedriver does not pass on (e.g. the
 * Fetch domain's paused requests). Through chromedriver each Input.dispatchMouseEvent returns only
 * once the page has handled the event, so the page never has two moves waiting at once and never
 * coalesces them; a real pointer does not wait for the page. Raw CDP over the JDK's WebSocket (the
 * browser's address is chromedriver's goog:chromeOptions.debuggerAddress): Selenium's devtools jars are
 * not on the reachable Central.
 */
public final class CdpPipe implements AutoCloseable {
    private static final Json JSON = new Json();

    private final WebSocket socket;
    private final Semaphore answers = new Semaphore(0);   // one permit per answer received
    private volatile String error;                        // the first error answered, if any
    private final BlockingQueue<Map<?, ?>> events = new LinkedBlockingQueue<>();   // in the order received
    private int sent;

    private CdpPipe(WebSocket socket) {
        this.socket = socket;
    }

    /** A connection to the page the driver shows now (found by its URL among the browser's pages). */
    public static CdpPipe open(ChromeDriver driver) throws IOException, InterruptedException {
        Map<?, ?> options = (Map<?, ?>) driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = (String) options.get("debuggerAddress");
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String url = driver.getCurrentUrl();
        String ws = null;
        List<?> targets = JSON.toType(list, List.class);
        for (Object o : targets) {
            Map<?, ?> target = (Map<?, ?>) o;
            if ("page".equals(target.get("type")) && url.equals(target.get("url"))) {
                ws = (String) target.get("webSocketDebuggerUrl");
            }
        }
        if (ws == null) {
            throw new IllegalStateException("no DevTools target for " + url + " in " + list);
        }
        CdpPipe[] pipe = new CdpPipe[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    Map<?, ?> m = JSON.toType(message.toString(), Map.class);
                    if (m.containsKey("error") && pipe[0].error == null) {
                        pipe[0].error = message.toString();
                    }
                    if (m.containsKey("id")) {
                        pipe[0].answers.release();
                    } else {
                        pipe[0].events.add(m);       // an event: {method, params}
                    }
                    message.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).join();
        pipe[0] = new CdpPipe(socket);
        return pipe[0];
    }

    /** Sends a command and returns at once, its answer not awaited. */
    public void send(String method, Map<String, ?> params) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", ++sent);
        command.put("method", method);
        command.put("params", params);
        socket.sendText(JSON.toJson(command), true).join();
    }

    /**
     * Waits until every command sent has been answered (for input: handled by the page), 60 s at most;
     * throws on an error answer.
     */
    public void awaitAnswers() throws InterruptedException {
        if (!answers.tryAcquire(sent, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no answer to some of " + sent + " commands in 60 s");
        }
        answers.release(sent);   // the permits count answers so far: the next wait needs them all again
        if (error != null) {
            throw new IllegalStateException("a command failed: " + error);
        }
    }

    /** The params of the next event of this method (those of other methods before it are dropped); 60 s at most. */
    public Map<?, ?> awaitEvent(String method) throws InterruptedException {
        for (Map<?, ?> e; (e = events.poll(60, TimeUnit.SECONDS)) != null; ) {
            if (method.equals(e.get("method"))) {
                return (Map<?, ?>) e.get("params");
            }
        }
        throw new IllegalStateException("no " + method + " in 60 s");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
