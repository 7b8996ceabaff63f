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
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The embedded mailer's outbox of a running instance ({@code /dev/mailbox}), as API tests read it. */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long an e-mail may take: events reach the mailer through the relay, after the mutation answered. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int port;

    public Mailbox(int port) {
        this.port = port;
    }

    /** Every e-mail sent to {@code address} so far. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> to(String address) {
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
        return to(address).stream().map(m -> (String) m.get("subject")).toList();
    }

    /** The first e-mail to {@code address} whose subject starts so, waiting for it up to a deadline. */
    public Map<String, Object> await(String address, String subjectStart) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<Map<String, Object>> found = to(address).stream()
                    .filter(m -> ((String) m.get("subject")).startsWith(subjectStart)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(Instant.now()).as("no e-mail to %s starting '%s' within %s; mailbox: %s", address, subjectStart, PATIENCE,
                    subjects(address)).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
