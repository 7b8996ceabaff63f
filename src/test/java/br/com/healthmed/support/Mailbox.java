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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** The embedded mailer's outbox of a running instance, as {@code GET /dev/mailbox} shows it (local profile). */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long an e-mail sent after the request answered may take to arrive. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4}-\\d{4})\\b");

    private final String baseUrl;

    private Mailbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Mailbox at(String baseUrl) {
        return new Mailbox(baseUrl);
    }

    /** The e-mails sent to {@code address}, oldest first: each with from, to, subject, text, html, attachments. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> to(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/mailbox?to="
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

    /** The newest e-mail to {@code address} whose subject starts so, if any. */
    public Optional<Map<String, Object>> latest(String address, String subjectStart) {
        List<Map<String, Object>> found = to(address).stream()
                .filter(mail -> ((String) mail.get("subject")).startsWith(subjectStart)).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The code ({@code 1234-5678}) in the newest e-mail to {@code address} whose subject starts so. */
    public String code(String address, String subjectStart) {
        Map<String, Object> mail = latest(address, subjectStart)
                .orElseThrow(() -> new AssertionError("no e-mail to " + address + " starting '" + subjectStart + "'"));
        Matcher matcher = CODE.matcher((String) mail.get("text"));
        assertThat(matcher.find()).as("a code in '%s'", mail.get("subject")).isTrue();
        return matcher.group(1);
    }

    public List<String> subjects(String address) {
        return to(address).stream().map(m -> (String) m.get("subject")).toList();
    }

    /** Waits (polling, with a deadline) for the first e-mail to the address whose subject starts so. */
    public Map<String, Object> await(String address, String subjectStart) {
        return awaitCount(address, subjectStart, 1).get(0);
    }

    /**
     * Waits until {@code count} e-mails to the address have a subject that starts so (an e-mail sent
     * after the request answered: through the event relay, or a queue); returns them, oldest first.
     */
    public List<Map<String, Object>> awaitCount(String address, String subjectStart, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Map<String, Object>> found = to(address).stream()
                    .filter(m -> ((String) m.get("subject")).startsWith(subjectStart)).toList();
            if (found.size() >= count) {
                return found;
            }
            assertThat(Instant.now()).as("not %d e-mails to %s starting '%s' within %s; mailbox: %s", count, address, subjectStart,
                    PATIENCE, subjects(address)).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
