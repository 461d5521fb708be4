package dev.numera.web.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The net log reader on a hand-written log of Chromium's format, whole and cut off mid-way. */
class NetLogTest {
    static final String HEAD = "{\"constants\":{\"logEventTypes\":{\"URL_REQUEST_START_JOB\":7,\"OTHER\":8}},\n\"events\": [\n";
    static final String EVENTS = String.join(",\n",
            "{\"type\":7,\"params\":{\"initiator\":\"not an origin\",\"url\":\"https://update.googleapis.com/x\"}}",
            "{\"type\":7,\"params\":{\"initiator\":\"http://localhost:8123\",\"url\":\"http://localhost:8123/model/numera.nmod?v=1\"}}",
            "{\"type\":8,\"params\":{\"url\":\"https://elsewhere.example/not-a-start\"}}",
            "{\"type\":7,\"params\":{\"initiator\":\"http://localhost:8123\",\"url\":\"https://cdn.example/font.woff2\"}}",
            "{\"type\":7,\"params\":{\"initiator\":\"http://localhost:8123\",\"url\":\"http://localhost:9999/other-port\"}}",
            "{\"type\":7,\"params\":{\"url\":\"http://localhost:8123/\"}}");

    @Test
    void requestsAndTheForeignOnes(@TempDir Path dir) throws Exception {
        for (String tail : List.of("\n],\n\"polledData\":{}}\n", ",\n")) {   // closed, and as a browser killed mid-run leaves it
            Path log = Files.writeString(dir.resolve("n" + tail.length() + ".json"), HEAD + EVENTS + tail);
            List<NetLog.Request> all = NetLog.read(log);
            assertEquals(5, all.size(), tail);
            assertEquals("not an origin", all.get(4).initiator());
            assertEquals(List.of(new NetLog.Request("http://localhost:8123", "https://cdn.example/font.woff2"),
                    new NetLog.Request("http://localhost:8123", "http://localhost:9999/other-port")), NetLog.foreign(all));
        }
    }
}
