package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
 * <p>The browser is {@link HeadlessChromium}, cut off from every host but localhost; the test checks
 * that cut-off is in force before trusting the result.
 *
 * <p>Run with {@code mvn verify} (failsafe). {@code -Dgraphiql.screenshot=/tmp/graphiql.png} saves a
 * screenshot of the page with the result.
 */
// On every interface (the local profile binds loopback only): the premise check below needs the
// service reachable from Java on a non-loopback address, to show the browser cannot reach it there.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=0.0.0.0")
class GraphiQlBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The default query of graphiql-init.js, comments dropped and whitespace collapsed. */
    private static final String DEFAULT_QUERY = "query Specialties { specialties { code name } }";

    private static final Pattern URL = Pattern.compile("\\b(?:https?|wss?)://([^/:\\s\"')]+)");

    @LocalServerPort
    int port;

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @Test
    @Timeout(120)
    void graphiqlRendersOfflineAndRunsTheDefaultQuery() throws Exception {
        assertBrowserIsOffline();

        String origin = "http://localhost:" + port;
        browser.driver().get(origin + "/graphiql");
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-container")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
        wait.until(d -> editorText(".graphiql-query-editor") != null);

        assertThat(withoutComments(editorText(".graphiql-query-editor"))).isEqualTo(DEFAULT_QUERY);

        browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
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
        List<LogEntry> console = browser.driver().manage().logs().get(LogType.BROWSER).getAll();
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
        browser.driver().get("http://localhost:" + port + "/graphiql/graphiql.css");
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
        browser.driver().manage().logs().get(LogType.BROWSER); // drop the errors those fetches logged
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
        return browser.driver();
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
            File png = browser.driver().getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
