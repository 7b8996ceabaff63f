package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL at {@code /graphiql} works in a real browser with no internet access: the page renders
 * from the assets this application serves, and the default query runs against {@code /graphql}.
 *
 * <p>The browser is Debian's Chromium with its chromedriver ({@code apt-get install chromium
 * chromium-driver}, done by {@code scripts/test}); Selenium Manager is never used, so nothing is
 * downloaded. The browser is cut off from every host except localhost twice over: the host resolver
 * answers "not found" for any other name (IP literals included), and every other request goes through
 * a proxy on a closed port. The test checks that cut-off is in force before trusting the result.
 *
 * <p>Run with {@code mvn verify} (failsafe). {@code -Dgraphiql.screenshot=/tmp/graphiql.png} saves a
 * screenshot of the page with the result.
 */
// On every interface (the local profile binds loopback only): the premise check below needs the
// service reachable from Java on a non-loopback address, to show the browser cannot reach it there.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=0.0.0.0")
class GraphiQlBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The default query of graphiql-init.js, comments dropped and whitespace collapsed. */
    private static final String DEFAULT_QUERY = "query Specialties { specialties { code name } }";

    private static final Pattern URL = Pattern.compile("\\b(?:https?|wss?)://([^/:\\s\"')]+)");

    @LocalServerPort
    int port;

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail(executable + " is missing: this test needs Debian's chromium and chromium-driver."
                        + " Run scripts/test, which installs them (apt-get install -y chromium chromium-driver).");
            }
        }
        profile = Files.createTempDirectory("graphiql-chromium-");

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

    @AfterEach
    void quitBrowser() throws IOException {
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
        }
    }

    @Test
    @Timeout(120)
    void graphiqlRendersOfflineAndRunsTheDefaultQuery() throws Exception {
        assertBrowserIsOffline();

        String origin = "http://localhost:" + port;
        driver.get(origin + "/graphiql");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-container")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
        wait.until(d -> editorText(".graphiql-query-editor") != null);

        assertThat(withoutComments(editorText(".graphiql-query-editor"))).isEqualTo(DEFAULT_QUERY);

        driver.findElement(By.cssSelector(".graphiql-execute-button")).click();
        wait.until(d -> {
            String result = editorText(".graphiql-response");
            return result != null && result.contains("\"Cardiologia\"") && result.contains("\"CARDIOLOGIA\"");
        });
        Object count = js().executeScript(
                "return JSON.parse(arguments[0]).data.specialties.length;", editorText(".graphiql-response"));
        assertThat(count).isEqualTo(55L);

        saveScreenshotIfAsked();

        // Everything the page loaded came from this application.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(resources)
                .as("resources loaded by the page")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(origin + "/"));

        // No failed request (to anywhere), nothing reaching for another host.
        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console)
                .as("browser console")
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .noneSatisfy(e -> assertThat(e.getMessage()).contains("net::ERR_"))
                .noneSatisfy(e -> assertThat(nonLocalHost(e.getMessage())).isPresent());
    }

    /**
     * Guards the premise: in this browser a CDN cannot be fetched, and neither can this very
     * application through a non-loopback address of this machine, which plain Java does reach.
     */
    private void assertBrowserIsOffline() throws Exception {
        driver.get("http://localhost:" + port + "/graphiql/graphiql.css");
        assertThat(fetchFromBrowser("https://esm.sh/")).startsWith("failed");
        Optional<InetAddress> lan = nonLoopbackAddress();
        if (lan.isPresent()) {
            String url = "http://" + lan.get().getHostAddress() + ":" + port + "/graphiql/graphiql.css";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int status = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).as("GET %s from Java", url).isEqualTo(200);
            assertThat(fetchFromBrowser(url)).as("fetch %s from the browser", url).startsWith("failed");
        }
        driver.manage().logs().get(LogType.BROWSER); // drop the errors those fetches logged
    }

    /** "ok" when the browser reached the URL (any response), "failed: ..." on a network error. */
    private String fetchFromBrowser(String url) {
        return (String) js().executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], { mode: 'no-cors', cache: 'no-store' })"
                        + "  .then(function () { done('ok'); }, function (e) { done('failed: ' + e); });",
                url);
    }

    /** The text of the CodeMirror editor inside {@code container}, or null while there is none. */
    private String editorText(String container) {
        return (String) js().executeScript(
                "var cm = document.querySelector(arguments[0] + ' .CodeMirror');"
                        + "return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : null;",
                container);
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private static String withoutComments(String query) {
        return query.lines()
                .map(line -> line.replaceFirst("#.*", ""))
                .reduce("", (a, b) -> a + " " + b)
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static Optional<String> nonLocalHost(String message) {
        Matcher m = URL.matcher(message);
        while (m.find()) {
            String host = m.group(1);
            if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private void saveScreenshotIfAsked() throws IOException {
        String target = System.getProperty("graphiql.screenshot");
        if (target != null && !target.isBlank()) {
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
