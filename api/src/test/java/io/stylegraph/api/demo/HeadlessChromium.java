package io.stylegraph.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's Chromium (Debian's {@code chromium} and {@code chromium-driver} packages) driven headless through its
 * own chromedriver. Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a driver.
 * Other locations: system properties {@code stylegraph.test.chromium} and {@code stylegraph.test.chromedriver}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of(System.getProperty("stylegraph.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("stylegraph.test.chromedriver", "/usr/bin/chromedriver"));
    /** Selenium warns at every start that it has no DevTools bindings for this Chromium; none are used here. */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether both executables are there; the browser tests are skipped without them. */
    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A fresh desktop browser (its own empty profile: no stored session) with a window of the given size. */
    static HeadlessChromium desktop(int width, int height) {
        return start(width, height, false);
    }

    /** A fresh browser emulating a phone's screen (a desktop window cannot be made that narrow). */
    static HeadlessChromium phone(int width, int height) {
        return start(width, height, true);
    }

    private static HeadlessChromium start(int width, int height, boolean phone) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // without the background-networking switches Chromium's own connections fail on a closed network
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** Console errors (uncaught exceptions, failed loads, policy violations) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** A PNG of the whole page, also what lies below the window. */
    void screenshot(Path file) throws IOException {
        // from the top, so that the sticky panel is drawn where it sits in the page
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) driver.executeScript("window.scrollTo(0, 0);"
                + "const e = document.documentElement; return {width: e.scrollWidth, height: e.scrollHeight};");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
                        "height", size.get("height"), "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
