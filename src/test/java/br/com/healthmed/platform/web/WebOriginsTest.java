package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * One list of browser origins, {@code healthmed.web.allowed-origins}, governs both ways a web app talks
 * to /graphql: CORS for HTTP, and the Origin check of the WebSocket handshake (graphql-ws). A browser
 * always sends its page's origin on a WebSocket handshake and ignores CORS there, so the handshake is
 * where another site's page is stopped; native apps send no Origin and are let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.web.allowed-origins=" + WebOriginsTest.WEB_APP + "," + WebOriginsTest.OTHER_WEB_APP)
class WebOriginsTest {

    static final String WEB_APP = "http://localhost:5173";
    static final String OTHER_WEB_APP = "https://app.example.test";
    private static final String STRANGER = "https://evil.example.test";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aHandshakeFromEveryListedOriginIsUpgraded() throws IOException {
        assertThat(handshakeStatus(WEB_APP)).isEqualTo(101);
        assertThat(handshakeStatus(OTHER_WEB_APP)).isEqualTo(101);
    }

    @Test
    void aHandshakeFromAnUnlistedOriginIsRefusedBeforeTheUpgrade() throws IOException {
        assertThat(handshakeStatus(STRANGER)).isEqualTo(403);
        // a listed origin is matched exactly: not by prefix, not on another port or scheme
        assertThat(handshakeStatus("http://localhost:5174")).isEqualTo(403);
        assertThat(handshakeStatus("https://localhost:5173")).isEqualTo(403);
        assertThat(handshakeStatus("null")).isEqualTo(403);
    }

    @Test
    void aHandshakeWithoutOriginAsNativeAppsConnectIsUpgraded() throws IOException {
        assertThat(handshakeStatus(null)).isEqualTo(101);
    }

    @Test
    void aHandshakeFromThePagesTheServiceServesItselfIsUpgraded() throws IOException {
        assertThat(handshakeStatus("http://127.0.0.1:" + port)).isEqualTo(101);
    }

    /**
     * The deployment sets the list as {@code HEALTHMED_WEB_ALLOWEDORIGINS} (helm's ConfigMap); the
     * handshake's copy, a placeholder in application.yml, must resolve that spelling too.
     */
    @Test
    void theHandshakesListIsTheOneTheDeploymentSetsThroughTheEnvironment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("HEALTHMED_WEB_ALLOWEDORIGINS", "https://app.healthmed.com.br,https://admin.healthmed.com.br")));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).forEach(sources::addLast);
        ConfigurationPropertySources.attach(environment);

        assertThat(Binder.get(environment).bind("spring.graphql.cors.allowed-origins", Bindable.listOf(String.class)).get())
                .containsExactly("https://app.healthmed.com.br", "https://admin.healthmed.com.br");
    }

    @Test
    void thePreflightAllowsApolloClientHeadersBesideTheTokenAndTheDeviceId() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(graphql())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", WEB_APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers",
                        "apollographql-client-name,apollographql-client-version,authorization,content-type,x-device-id"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(listHeader(preflight, "Access-Control-Allow-Headers")).containsExactlyInAnyOrder(
                "apollographql-client-name", "apollographql-client-version", "authorization", "content-type", "x-device-id");
    }

    @Test
    void thePreflightOfAnUnlistedOriginIsRefused() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(graphql())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", STRANGER)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aCrossOriginAnswerLetsTheScriptReadTheRequestIdAndRetryAfter() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(graphql())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ specialties { code } }\"}"))
                .header("Origin", WEB_APP)
                .header("Content-Type", "application/json")
                .header("apollographql-client-name", "healthmed-web")
                .header("apollographql-client-version", "1.0.0"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(answer.headers().firstValue(CorrelationId.HEADER)).isPresent();
        assertThat(listHeader(answer, "Access-Control-Expose-Headers"))
                .containsExactlyInAnyOrder("x-request-id", "retry-after");
    }

    private URI graphql() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /**
     * The status of a graphql-ws opening handshake, as a browser sends it (with its page's
     * {@code origin}) or a native app (without). Written by hand: WebSocket clients set Origin themselves
     * or not at all, and this needs each case exactly.
     */
    private int handshakeStatus(@Nullable String origin) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET /graphql HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static List<String> listHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.strip().toLowerCase())
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
