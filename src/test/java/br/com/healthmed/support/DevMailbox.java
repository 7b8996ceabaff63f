package br.com.healthmed.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded mailer's outbox as a developer reads it, at {@code GET /dev/mailbox} of a running
 * instance (local profile): the e-mails one address received, oldest first.
 */
public final class DevMailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long an e-mail sent after the request answered may take to arrive. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int port;

    public DevMailbox(int port) {
        this.port = port;
    }

    /** What this address received so far: each e-mail's from, to, subject, text, html and attachments. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> of(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/mailbox?to="
                    + URLEncoder.encode(address, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readValue(response.body(), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> subjects(String address) {
        return of(address).stream().map(m -> (String) m.get("subject")).toList();
    }

    /** Waits (polling, with a deadline) for the first e-mail to the address whose subject starts so. */
    public Map<String, Object> await(String address, String subjectStart) {
        return awaitCount(address, subjectStart, 1).get(0);
    }

    /** Waits until the address has at least {@code count} e-mails whose subject starts so; returns them, oldest first. */
    public List<Map<String, Object>> awaitCount(String address, String subjectStart, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Map<String, Object>> found = of(address).stream()
                    .filter(m -> ((String) m.get("subject")).startsWith(subjectStart)).toList();
            if (found.size() >= count) {
                return found;
            }
            assertThat(Instant.now()).as("not %d e-mails to %s starting '%s' within %s; mailbox: %s", count, address, subjectStart,
                    PATIENCE, subjects(address)).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
