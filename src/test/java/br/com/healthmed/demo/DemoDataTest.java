package br.com.healthmed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/** The demo data a newcomer explores: the README's credentials work and São Paulo has doctors to find. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"healthmed.demo-data=true", "healthmed.demo-doctors=120"})
class DemoDataTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoPatientAndDoctorLogInWithTheReadmeCredentials() {
        Api api = Api.at(port);
        api.document("loginPatient").variable("login", DemoData.PATIENT_EMAIL).variable("password", DemoData.PASSWORD).execute()
                .path("loginPatient.account.name").entity(String.class).isEqualTo("Paciente Demo");
        api.document("loginPatient").variable("login", "111.444.777-35").variable("password", DemoData.PASSWORD).execute()
                .path("loginPatient.account.name").entity(String.class).isEqualTo("Paciente Demo");
        api.document("loginDoctor").variable("crm", "654321/SP").variable("password", DemoData.PASSWORD).execute()
                .path("loginDoctor.account.name").entity(String.class).isEqualTo("Dra. Helena Demo");
    }

    @Test
    void searchAroundSaoPauloFindsRatedPricedDoctorsInTheOrderAskedFor() {
        Api api = Api.at(port);
        var response = api.document("searchDoctors")
                .variable("filter", Map.of("near", Map.of("latitude", -23.5614, "longitude", -46.6559), "radiusKm", 10.0))
                .variable("sort", "RATING").variable("first", 5)
                .execute();

        response.path("searchDoctors.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThan(20))
                .path("searchDoctors.edges").entityList(Object.class).hasSize(5)
                .path("searchDoctors.edges[0].rating.count").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("searchDoctors.edges[0].consultationPrice.amount").entity(String.class)
                .satisfies(p -> assertThat(new java.math.BigDecimal(p)).isBetween(new java.math.BigDecimal("150.00"), new java.math.BigDecimal("600.00")));
        // the order asked for (docs/search.md): best average first, then more ratings, then nearer
        List<Map<String, Object>> byRating = api.document("searchDoctors")
                .variable("filter", Map.of("near", Map.of("latitude", -23.5614, "longitude", -46.6559), "radiusKm", 10.0))
                .variable("sort", "RATING").variable("first", 50)
                .execute().path("searchDoctors.edges").entityList(new ParameterizedTypeReference<Map<String, Object>>() {}).get();
        assertThat(byRating).hasSizeGreaterThan(20); // every doctor within 10 km (34 of the 120 demo doctors)
        assertThat(byRating.stream().map(DemoDataTest::average).distinct().count()).as("the page spans several averages").isGreaterThan(1);
        for (int i = 1; i < byRating.size(); i++) {
            Map<String, Object> before = byRating.get(i - 1);
            Map<String, Object> after = byRating.get(i);
            int byAverage = Double.compare(average(before), average(after));
            int byCount = Integer.compare(count(before), count(after));
            assertThat(byAverage > 0 || byAverage == 0 && (byCount > 0 || byCount == 0
                    && ((Number) before.get("distanceKm")).doubleValue() <= ((Number) after.get("distanceKm")).doubleValue()))
                    .as("edge %d %s before edge %d %s", i - 1, before, i, after).isTrue();
        }
        api.document("searchDoctors")
                .variable("filter", Map.of("specialty", "CARDIOLOGIA", "near", Map.of("latitude", -23.5614, "longitude", -46.6559), "radiusKm", 1.0))
                .execute().path("searchDoctors.edges[0].node.name").entity(String.class).isEqualTo("Dra. Helena Demo")
                // scheduling gave the demo doctors weekday mornings for two weeks: there is a slot to book
                .path("searchDoctors.edges[0].nextAvailableSlot.slotId").hasValue();
    }

    /** An unrated doctor (no average) ranks after every rated one. */
    private static double average(Map<String, Object> edge) {
        Object average = ((Map<?, ?>) edge.get("rating")).get("average");
        return average == null ? -1 : ((Number) average).doubleValue();
    }

    private static int count(Map<String, Object> edge) {
        return ((Number) ((Map<?, ?>) edge.get("rating")).get("count")).intValue();
    }
}
