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

    /**
     * The first e-mail to {@code address} whose subject starts so, waiting for it (up to a deadline, not a
     * speed requirement): e-mails about an appointment leave through the event relay, after the mutation answered.
     */
    public Map<String, Object> await(String address, String subjectStart) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (true) {
            Optional<Map<String, Object>> found = to(address).stream()
                    .filter(mail -> ((String) mail.get("subject")).startsWith(subjectStart)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(java.time.Instant.now()).as("no e-mail to %s starting '%s' in time", address, subjectStart).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
