package dev.numera.web.harness;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Screenshots for the README, written by the test run into docs/screenshots/. */
public final class Screenshots {
    private Screenshots() {
    }

    public static void save(ChromeDriver d, String name) {
        try {
            Path dir = Path.of(System.getProperty("numera.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), d.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write screenshot " + name, e);
        }
    }
}
