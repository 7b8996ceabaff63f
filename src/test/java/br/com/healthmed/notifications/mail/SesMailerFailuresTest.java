package br.com.healthmed.notifications.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.MailDeliveryException;
import br.com.healthmed.notifications.NotificationsProperties;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * How the SES adapter reads SES's failures (which aws-ses-v2-local cannot produce), against a stub of
 * the SendEmail API: throttling is retried by the client and then reported as transient; a refused
 * message is permanent at once, without retries.
 */
class SesMailerFailuresTest {

    private static final String SEND_PATH = "/v2/email/outbound-emails";
    private static final Mail MAIL = new Mail("ana@example.com", "Ana", "Consulta confirmada", "Texto", "<p>Texto</p>", List.of());

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")).build();

    SesV2Client client;
    SesMailer mailer;

    @BeforeEach
    void connect() {
        client = MailerConfig.sesClient(new NotificationsProperties.Ses("sa-east-1", URI.create(stub.baseUrl()), null, 2));
        mailer = new SesMailer(client, MailerContract.FROM, Optional.empty());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void throttlingIsRetriedWithBackoffAndThenReportedAsTransient() {
        stub.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(error(429, "TooManyRequestsException", "Maximum sending rate exceeded.")));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailDeliveryException.class,
                e -> assertThat(e.permanent()).isFalse());
        stub.verify(2, postRequestedFor(urlPathEqualTo(SEND_PATH)));
    }

    @Test
    void aServerErrorIsTransient() {
        stub.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(error(503, "InternalFailure", "Service unavailable")));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailDeliveryException.class,
                e -> assertThat(e.permanent()).isFalse());
    }

    @Test
    void aRejectedMessageIsPermanentAndNotRetried() {
        stub.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(error(400, "MessageRejected", "Email address is not verified.")));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailDeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).doesNotContain("ana@example.com");
        });
        stub.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type).withBody("{\"message\":\"" + message + "\"}");
    }
}
