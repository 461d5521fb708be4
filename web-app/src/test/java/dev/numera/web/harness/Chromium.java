package dev.numera.web.harness;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium through Selenium's chrome driver only (the devtools jars are not on
 * the reachable Central; raw CDP commands still work). Skips the calling test when the browser
 * is not installed.
 */
public final class Chromium implements AutoCloseable {
    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;
    private final Path profile;
    private final Path netLog;   // every request of the browser, read by quitAndReadRequests

    private Chromium(ChromeDriver driver, Path profile, Path netLog) {
        this.driver = driver;
        this.profile = profile;
        this.netLog = netLog;
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(new File(BROWSER).canExecute() && new File(DRIVER).canExecute(),
                "skipped: " + BROWSER + " or " + DRIVER + " is not installed (apt-get install chromium chromium-driver)");
    }

    /** A plain browser: camera requests are denied (no fake UI), a fake camera device exists. */
    public static Chromium launch() {
        return launch(null);
    }

    /** With a y4m file: the fake camera plays it and permission is granted automatically. */
    public static Chromium launch(Path y4m) {
        return y4m == null
                ? launchWith("--use-fake-device-for-media-stream")
                : launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + y4m);
    }

    /** The standard headless flags plus these (e.g. no fake camera device at all, host mappings). */
    public static Chromium launchWith(String... extra) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("numera-chromium");
            Path netLog = Files.createTempFile("numera-netlog", ".json");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(BROWSER);
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,1400", "--user-data-dir=" + profile, "--log-net-log=" + netLog);
            o.addArguments(extra);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).build();
            ChromeDriver d = new ChromeDriver(service, o);
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Chromium(d, profile, netLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser (its net log is then complete) and returns every request it made, a service worker's too. */
    public List<NetLog.Request> quitAndReadRequests() throws IOException {
        try {
            driver.quit();
            return NetLog.read(netLog);
        } finally {
            deleteFiles();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteFiles();
        }
    }

    private void deleteFiles() {
        try (Stream<Path> s = Files.walk(profile)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.deleteIfExists(netLog);
        } catch (IOException ignored) {
            // a leftover temp profile or log is harmless
        }
    }
}
