package br.com.healthmed.platform.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven by its chromedriver ({@code apt-get install chromium
 * chromium-driver}, done by {@code scripts/test}); Selenium Manager is never used, so nothing is
 * downloaded. The browser is cut off from every host except localhost twice over: the host resolver
 * answers "not found" for any other name (IP literals included), and every other request goes through
 * a proxy on a closed port. Its console is kept ({@link LogType#BROWSER}). Register it with
 * {@code @RegisterExtension}: each test gets a fresh browser (and profile), quit after it.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private @Nullable Path profile;
    private @Nullable ChromeDriverService service;
    private @Nullable ChromeDriver driver;

    /** The browser of the running test. */
    ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no browser outside a test: register HeadlessChromium with @RegisterExtension");
        }
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail(executable + " is missing: this test needs Debian's chromium and chromium-driver."
                        + " Run scripts/test, which installs them (apt-get install -y chromium chromium-driver).");
            }
        }
        profile = Files.createTempDirectory("headless-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile,
                // offline: no name but localhost resolves (IP literals are refused too) ...
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                // ... and anything not on loopback goes to a proxy on a port nothing listens on
                "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=localhost;127.0.0.1");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));

        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                deleteRecursively(profile);
            }
            driver = null;
            service = null;
            profile = null;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
