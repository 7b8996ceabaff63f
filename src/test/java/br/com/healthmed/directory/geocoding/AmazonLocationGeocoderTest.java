package br.com.healthmed.directory.geocoding;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.directory.DirectoryErrors;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.location.LocationClient;

/** The Amazon Location adapter, with the client as configured in production, against a local stub of the API. */
class AmazonLocationGeocoderTest {

    static WireMockServer stub;
    LocationClient client;
    AmazonLocationGeocoder geocoder;

    @BeforeAll
    static void startStub() {
        stub = LocationStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void connect() {
        stub.resetAll();
        client = GeocoderConfig.client(new GeocoderConfig.LocationProperties(LocationStub.INDEX, "sa-east-1",
                URI.create(stub.baseUrl()), Duration.ofSeconds(30), Duration.ofSeconds(10)));
        geocoder = new AmazonLocationGeocoder(client, LocationStub.INDEX);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anAddressBecomesTheBestMatchInBrazil() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.place(-23.5614, -46.6559)));

        assertThat(geocoder.locate("Av. Paulista, 1578")).contains(new GeoPoint(-23.5614, -46.6559));

        stub.verify(postRequestedFor(urlPathEqualTo(LocationStub.SEARCH_PATH)).withRequestBody(equalToJson("""
                {"Text": "Av. Paulista, 1578", "FilterCountries": ["BRA"], "MaxResults": 1, "Language": "pt-BR"}""")));
    }

    @Test
    void noMatchIsNoPlace() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.noPlace()));

        assertThat(geocoder.locate("Rua que não existe, 0")).isEmpty();
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsReportedAsBusy() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.error(429, "ThrottlingException")));

        assertThatThrownBy(() -> geocoder.locate("Av. Paulista, 1578"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(DirectoryErrors.GEOCODING_BUSY);
                    assertThat(e.extensions()).containsEntry("retryAfterSeconds", 1L);
                });
        // The SDK retried before giving up (standard retry mode: 3 attempts).
        stub.verify(3, postRequestedFor(urlPathEqualTo(LocationStub.SEARCH_PATH)));
    }

    @Test
    void aThrottledAttemptIsRetriedAndThenAnswers() {
        stub.stubFor(LocationStub.search().inScenario("throttle once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(LocationStub.error(429, "ThrottlingException")).willSetStateTo("answered"));
        stub.stubFor(LocationStub.search().inScenario("throttle once").whenScenarioStateIs("answered")
                .willReturn(LocationStub.place(-22.9068, -43.1729)));

        assertThat(geocoder.locate("Praça XV, Rio de Janeiro")).contains(new GeoPoint(-22.9068, -43.1729));
    }

    @Test
    void serviceErrorsAreReportedAsFailed() {
        for (var failure : new Object[][] {{500, "InternalServerException"}, {404, "ResourceNotFoundException"},
                {403, "AccessDeniedException"}, {400, "ValidationException"}}) {
            stub.resetAll();
            stub.stubFor(LocationStub.search().willReturn(LocationStub.error((int) failure[0], (String) failure[1])));

            assertThatThrownBy(() -> geocoder.locate("Av. Paulista, 1578")).as("%s", failure[1])
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(DirectoryErrors.GEOCODING_FAILED));
        }
    }

    @Test
    void aMatchOffTheGlobeIsNoPlace() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.place(123, 456)));

        assertThat(geocoder.locate("Lugar estranho")).isEmpty();
    }
}
