package dev.numera.web.harness;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.util.ArrayList;
import java.util.List;

/** Every URL the browser requested, from the performance log (CDP Network.requestWillBeSent events). */
public final class Requests {
    private Requests() {
    }

    /** Drains the log: URLs requested since the last call. */
    public static List<String> drain(ChromeDriver d) {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : d.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            if (!m.contains("\"Network.requestWillBeSent\"")) {
                continue;
            }
            int at = m.indexOf("\"url\":\"", m.indexOf("\"request\":"));
            if (at < 0) {
                continue;
            }
            int start = at + 7;
            urls.add(m.substring(start, m.indexOf('"', start)));
        }
        return urls;
    }

    /**
     * The requests that left the given origin. data: and blob: URLs stay on the device; chrome:// is
     * the browser's own UI (the headless new-tab page loads its resources there), not the network.
     */
    public static List<String> foreign(List<String> urls, String origin) {
        List<String> out = new ArrayList<>();
        for (String u : urls) {
            if (!u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:") && !u.startsWith("chrome:")) {
                out.add(u);
            }
        }
        return out;
    }
}
