package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A web app served from another origin than the API subscribes from a real browser: its page opens
 * {@code ws://127.0.0.1:<api>/graphql} with graphql-ws, and hears of an appointment booked meanwhile.
 * The same page served from an origin not in {@code healthmed.web.allowed-origins} gets no socket, and
 * no answer over HTTP either.
 *
 * <p>Both pages come from small JDK HTTP servers on loopback ({@code http://localhost:<port>}, another
 * origin than the API's); the listed one's origin is the only entry of the list in this context. The
 * browser is {@link HeadlessChromium}, offline. Run with {@code mvn verify} (failsafe).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrossOriginSubscriptionBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PAGE = "/subscriber.html";

    private static final HttpServer LISTED_SITE = servingThePage();
    private static final HttpServer UNLISTED_SITE = servingThePage();

    @DynamicPropertySource
    static void onlyTheListedSiteMayCallTheApi(DynamicPropertyRegistry registry) {
        registry.add("healthmed.web.allowed-origins", () -> origin(LISTED_SITE));
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @AfterAll
    static void stopSites() {
        LISTED_SITE.stop(0);
        UNLISTED_SITE.stop(0);
    }

    @Test
    @Timeout(120)
    void aPageOnAListedOriginSubscribesAndHearsOfABooking() {
        Api anonymous = Api.at(port);
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));

        open(LISTED_SITE);
        js().executeScript("subscribe(arguments[0], arguments[1]);", webSocketUrl(), doctor.accessToken());
        waitUntil("the subscription is live", "return window.ready;");

        patient.book(slot, "k-" + UUID.randomUUID());

        waitUntil("an event arrived", "return window.received.length > 0;");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) js().executeScript("return window.received[0].data.appointmentEvents;");
        assertThat(event).containsEntry("status", "REQUESTED");
        assertThat(event.get("appointment")).isEqualTo(Map.of("slotId", slot, "status", "REQUESTED"));
        assertThat(socketLog()).startsWith("open", "connection_ack").doesNotContain("error", "close");
    }

    @Test
    @Timeout(120)
    void aPageOnAnUnlistedOriginGetsNoSocket() {
        TestUser doctor = TestUser.doctor(Api.at(port));

        open(UNLISTED_SITE);
        js().executeScript("subscribe(arguments[0], arguments[1]);", webSocketUrl(), doctor.accessToken());
        waitUntil("the socket closed", "return window.socketClosed !== null;");

        assertThat(socketLog()).containsExactly("error", "close");
        // 1006: the connection failed before it opened; the browser's console says why
        assertThat(js().executeScript("return window.socketClosed.code;")).isEqualTo(1006L);
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .anySatisfy(e -> assertThat(e.getMessage()).contains(webSocketUrl()).contains("403"));
    }

    @Test
    @Timeout(120)
    void aPageOnAListedOriginQueriesWithApolloHeadersAndReadsTheRequestId() {
        TestUser patient = TestUser.patient(Api.at(port));

        open(LISTED_SITE);
        Map<String, Object> answer = query(patient.accessToken());

        assertThat(answer).containsEntry("status", 200L).containsEntry("me", Map.of("id", patient.id()));
        assertThat((String) answer.get("requestId")).as("X-Request-Id read by the script").isNotBlank();
    }

    @Test
    @Timeout(120)
    void aPageOnAnUnlistedOriginCannotQuery() {
        TestUser patient = TestUser.patient(Api.at(port));

        open(UNLISTED_SITE);

        assertThat(query(patient.accessToken())).containsOnlyKeys("failed");
    }

    private void open(HttpServer site) {
        browser.driver().get(origin(site) + PAGE);
        assertThat(js().executeScript("return location.origin;")).isEqualTo(origin(site));
        browser.driver().manage().logs().get(LogType.BROWSER); // start the console from here
    }

    /** Waits until the page's {@code condition} script returns true; the socket's log tells why not. */
    private void waitUntil(String what, String condition) {
        new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> what + "; socket log: " + socketLog())
                .until(d -> Boolean.TRUE.equals(js().executeScript(condition)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> query(String accessToken) {
        return (Map<String, Object>) js().executeAsyncScript(
                "var done = arguments[arguments.length - 1]; query(arguments[0], arguments[1]).then(done);",
                "http://127.0.0.1:" + port + "/graphql", accessToken);
    }

    @SuppressWarnings("unchecked")
    private List<String> socketLog() {
        return (List<String>) js().executeScript("return window.socketLog;");
    }

    private String webSocketUrl() {
        return "ws://127.0.0.1:" + port + "/graphql";
    }

    private JavascriptExecutor js() {
        return browser.driver();
    }

    private static String origin(HttpServer site) {
        return "http://localhost:" + site.getAddress().getPort();
    }

    /** A site of its own (a free loopback port) serving only the subscriber page. */
    private static HttpServer servingThePage() {
        byte[] page;
        try (InputStream in = CrossOriginSubscriptionBrowserTest.class.getResourceAsStream("/browser" + PAGE)) {
            page = in.readAllBytes();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (!PAGE.equals(exchange.getRequestURI().getPath())) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
