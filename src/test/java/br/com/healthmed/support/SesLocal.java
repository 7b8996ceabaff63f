package br.com.healthmed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * aws-ses-v2-local, an Amazon SES v2-compatible engine (npm), started once per test JVM on a free
 * loopback port and stopped when the JVM exits (installed like dynalite, see {@link NpmEngines}). It
 * keeps every e-mail it accepts and lists them at {@code GET /store}; nothing leaves the machine.
 */
public final class SesLocal {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static URI endpoint;

    private SesLocal() {}

    /** The endpoint of the running engine, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = NpmEngines.start("aws-ses-v2-local", List.of());
        }
        return endpoint;
    }

    /**
     * Every e-mail the engine has accepted, oldest first, as {@code /store} lists them: {@code from},
     * {@code destination.to}, {@code subject}, {@code body.text} / {@code body.html}, and
     * {@code attachments} with {@code filename}, {@code contentType} and base64 {@code content}.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> received() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/store")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return (List<Map<String, Object>>) JSON.readValue(response.body(), Map.class).get("emails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
