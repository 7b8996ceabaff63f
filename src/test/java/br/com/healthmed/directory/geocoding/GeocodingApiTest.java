package br.com.healthmed.directory.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code healthmed.geocoder=amazon-location}: searches by address, and offices located from their address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeocodingApiTest {

    static final WireMockServer stub = LocationStub.start();

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void amazonLocation(DynamicPropertyRegistry registry) {
        registry.add("healthmed.geocoder", () -> "amazon-location");
        registry.add("healthmed.location.place-index", () -> LocationStub.INDEX);
        registry.add("healthmed.location.endpoint", stub::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void connect() {
        stub.resetAll();
        api = Api.at(port);
    }

    @Test
    void anOfficeSavedWithOnlyAnAddressIsLocatedAndFoundByAnAddressSearch() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.place(-8.0631, -34.8711)));
        Map<String, Object> session = api.registerDoctor(Api.newDoctor());
        String token = (String) session.get("accessToken");

        api.as(token).document("updateDoctorProfile").variable("input", Map.of(
                        "specialties", List.of("CARDIOLOGIA"), "officeAddress", "Rua da Aurora, 100, Recife"))
                .execute()
                .path("updateDoctorProfile.officeLocation.latitude").entity(Double.class).isEqualTo(-8.0631)
                .path("updateDoctorProfile.officeLocation.longitude").entity(Double.class).isEqualTo(-34.8711);

        List<String> found = api.document("searchDoctors")
                .variable("filter", Map.of("specialty", "CARDIOLOGIA", "near", Map.of("address", "Marco Zero, Recife"), "radiusKm", 1.0))
                .execute().path("searchDoctors.edges[*].distanceKm").entityList(String.class).get();
        assertThat(found).hasSize(1);
    }

    @Test
    void anAddressNothingMatchesIsAddressNotFound() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.noPlace()));

        api.document("searchDoctors")
                .variable("filter", Map.of("near", Map.of("address", "Lugar nenhum"), "radiusKm", 5.0))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "ADDRESS_NOT_FOUND")
                                .containsEntry("field", "filter.near.address")));
    }

    @Test
    void aFailingGeocoderIsACodedErrorNotAnInternalOne() {
        stub.stubFor(LocationStub.search().willReturn(LocationStub.error(500, "InternalServerException")));

        api.document("searchDoctors")
                .variable("filter", Map.of("near", Map.of("address", "Av. Paulista, 1578"), "radiusKm", 5.0))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "GEOCODING_FAILED")));
    }
}
