package br.com.healthmed.directory.api;

import br.com.healthmed.support.GlobalIds;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DoctorPractices;
import br.com.healthmed.directory.DoctorRatings;
import br.com.healthmed.directory.PracticeTerms;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.Api;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Doctor profiles and search through the GraphQL API, as a front-end uses them; once per storage
 * adapter. Each test works around a random point of its own, so tests sharing a context never see
 * each other's doctors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DirectoryApiContract {

    @LocalServerPort
    int port;

    @Autowired
    DoctorRatings ratings;

    @Autowired
    DoctorPractices practices;

    Api api;
    double lat;
    double lon;

    @BeforeEach
    void connect() {
        api = Api.at(port);
        Random random = new Random();
        lat = -30 + random.nextDouble() * 28;
        lon = -60 + random.nextDouble() * 20;
    }

    // --- profiles -------------------------------------------------------------------------------

    @Test
    void aDoctorPublishesAProfileAndOthersSeeOnlyThePublicPart() {
        Doctor doctor = registerDoctor();
        Map<String, Object> input = new HashMap<>(profile(lat, lon, "349.90"));
        input.put("email", "Dra.Contato@Example.com");
        input.put("showEmail", false);
        input.put("phone", "(11) 3333-4444");
        input.put("showPhone", true);
        input.put("bio", "Cardiologista.");
        input.put("languages", List.of("pt", "EN"));
        input.put("officeAddress", "Av. Paulista, 1578");
        input.put("timeZone", "America/Manaus");
        input.put("consultationDurationMinutes", 30);

        api.as(doctor.token).document("updateDoctorProfile").variable("input", input).execute()
                .path("updateDoctorProfile.email").entity(String.class).isEqualTo("dra.contato@example.com")
                .path("updateDoctorProfile.phone").entity(String.class).isEqualTo("+551133334444")
                .path("updateDoctorProfile.consultationPrice.amount").entity(String.class).isEqualTo("349.90")
                .path("updateDoctorProfile.consultationPrice.currency").entity(String.class).isEqualTo("BRL");

        GraphQlTester.Response anonymous = api.document("doctor").variable("id", doctor.id).execute();
        anonymous.path("doctor.name").entity(String.class).isEqualTo(doctor.name)
                .path("doctor.specialties[*].code").entityList(String.class).containsExactly("CARDIOLOGIA", "PEDIATRIA")
                .path("doctor.specialties[0].name").entity(String.class).isEqualTo("Cardiologia")
                .path("doctor.languages").entityList(String.class).containsExactly("pt", "en")
                .path("doctor.timeZone").entity(String.class).isEqualTo("America/Manaus")
                .path("doctor.consultationDurationMinutes").entity(Integer.class).isEqualTo(30)
                .path("doctor.officeLocation.latitude").entity(Double.class).isEqualTo(lat)
                .path("doctor.phone").entity(String.class).isEqualTo("+551133334444")
                .path("doctor.email").valueIsNull()
                .path("doctor.rating.count").entity(Integer.class).isEqualTo(0)
                .path("doctor.rating.average").valueIsNull();
        // The doctor sees their own hidden e-mail.
        api.as(doctor.token).document("doctor").variable("id", doctor.id).execute()
                .path("doctor.email").entity(String.class).isEqualTo("dra.contato@example.com");
    }

    @Test
    void aProfileNeverEditedHasTheDefaults() {
        Doctor doctor = registerDoctor();

        api.document("doctor").variable("id", doctor.id).execute()
                .path("doctor.timeZone").entity(String.class).isEqualTo("America/Sao_Paulo")
                .path("doctor.consultationDurationMinutes").entity(Integer.class).isEqualTo(50)
                .path("doctor.consultationPrice").valueIsNull()
                .path("doctor.specialties[*].code").entityList(String.class).containsExactly("CARDIOLOGIA");
        api.as(doctor.token).document("meDoctorProfile").execute()
                .path("me.id").entity(String.class).isEqualTo(doctor.id)
                .path("me.timeZone").entity(String.class).isEqualTo("America/Sao_Paulo")
                .path("me.profile.timeZone").entity(String.class).isEqualTo("America/Sao_Paulo");
    }

    @Test
    void onlyADoctorEditsAProfile() {
        String patient = (String) api.registerPatient(Api.newPatient()).get("accessToken");

        assertCode(api.as(patient).document("updateDoctorProfile").variable("input", profile(lat, lon, "100")), "WRONG_ROLE");
        assertCode(api.document("updateDoctorProfile").variable("input", profile(lat, lon, "100")), "UNAUTHENTICATED");
    }

    @Test
    void badProfilesGetCodedErrorsNamingTheField() {
        Doctor doctor = registerDoctor();
        record Bad(String field, Object value, String code, String errorField) {}
        List<Bad> cases = List.of(
                new Bad("consultationPrice", "100.005", "INVALID_PRICE", "input.consultationPrice"),
                new Bad("consultationPrice", "-1", "INVALID_PRICE", "input.consultationPrice"),
                new Bad("consultationPrice", "100000.01", "INVALID_PRICE", "input.consultationPrice"),
                new Bad("timeZone", "Mars/Olympus", "INVALID_TIME_ZONE", "input.timeZone"),
                new Bad("timeZone", "-03:00", "INVALID_TIME_ZONE", "input.timeZone"),
                new Bad("consultationDurationMinutes", 5, "INVALID_CONSULTATION_DURATION", "input.consultationDurationMinutes"),
                new Bad("officeLocation", Map.of("latitude", 91.0, "longitude", 0.0), "INVALID_COORDINATES", "input.officeLocation"),
                new Bad("officeLocation", Map.of("latitude", 0.0, "longitude", -180.5), "INVALID_COORDINATES", "input.officeLocation"),
                new Bad("specialties", List.of("ASTROLOGIA"), "UNKNOWN_SPECIALTY", "input.specialties"),
                new Bad("specialties", List.of(), "BAD_USER_INPUT", "input.specialties"),
                new Bad("languages", List.of("klingon"), "BAD_USER_INPUT", "input.languages"),
                new Bad("bio", "x".repeat(1001), "BAD_USER_INPUT", "input.bio"),
                new Bad("email", "not-an-email", "INVALID_EMAIL", "input.email"));
        for (Bad bad : cases) {
            Map<String, Object> input = new HashMap<>(profile(lat, lon, "100"));
            input.put(bad.field(), bad.value());
            ResponseError error = singleError(api.as(doctor.token).document("updateDoctorProfile").variable("input", input));
            assertThat(error.getExtensions()).as("%s", bad)
                    .containsEntry("code", bad.code()).containsEntry("field", bad.errorField());
        }
    }

    @Test
    void doctorOfAnIdThatIsNoDoctorsIsNotFound() {
        Map<String, Object> patient = api.registerPatient(Api.newPatient());
        @SuppressWarnings("unchecked")
        String patientId = (String) ((Map<String, Object>) patient.get("account")).get("id");

        assertCode(api.document("doctor").variable("id", patientId), "NOT_FOUND");
        assertCode(api.document("doctor").variable("id", AccountId.random().toString()), "NOT_FOUND");
    }

    @Test
    void otherModulesReadPracticeTermsDefaultsIncluded() {
        Doctor edited = registerDoctor();
        Map<String, Object> input = new HashMap<>(profile(lat, lon, "199.9"));
        input.put("timeZone", "America/Recife");
        input.put("consultationDurationMinutes", 30);
        api.as(edited.token).document("updateDoctorProfile").variable("input", input).execute()
                .path("updateDoctorProfile.id").entity(String.class).isEqualTo(edited.id);
        Doctor untouched = registerDoctor();
        AccountId patient = AccountId.of(GlobalIds.key((String) ((Map<?, ?>) api.registerPatient(Api.newPatient()).get("account")).get("id")));

        PracticeTerms terms = new PracticeTerms(AccountId.of(GlobalIds.key(edited.id)), Optional.of(new BigDecimal("199.90")),
                ZoneId.of("America/Recife"), Duration.ofMinutes(30));
        PracticeTerms defaults = new PracticeTerms(AccountId.of(GlobalIds.key(untouched.id)), Optional.empty(),
                PracticeTerms.DEFAULT_TIME_ZONE, PracticeTerms.DEFAULT_CONSULTATION_DURATION);
        assertThat(practices.find(AccountId.of(GlobalIds.key(edited.id)))).contains(terms);
        assertThat(practices.find(AccountId.of(GlobalIds.key(untouched.id)))).contains(defaults);
        assertThat(practices.find(patient)).isEmpty();
        assertThat(practices.findAll(List.of(AccountId.of(GlobalIds.key(edited.id)), AccountId.of(GlobalIds.key(untouched.id)), patient, AccountId.random())))
                .isEqualTo(Map.of(AccountId.of(GlobalIds.key(edited.id)), terms, AccountId.of(GlobalIds.key(untouched.id)), defaults));
    }

    // --- search ---------------------------------------------------------------------------------

    @Test
    void searchFindsDoctorsByDistanceRatingAndPriceAndPagesToTheEnd() {
        // Offices about 1, 2 and 3 km north of the search point, and one 30 km away.
        Doctor near = publish(lat + 0.009, lon, "300.00");
        Doctor middle = publish(lat + 0.018, lon, "150.00");
        Doctor far = publish(lat + 0.027, lon, "220.00");
        publish(lat + 0.27, lon, "100.00");
        ratings.addRating(AccountId.of(GlobalIds.key(near.id)), 3);
        ratings.addRating(AccountId.of(GlobalIds.key(middle.id)), 5);
        ratings.addRating(AccountId.of(GlobalIds.key(middle.id)), 4);
        ratings.addRating(AccountId.of(GlobalIds.key(far.id)), 5);

        assertThat(ids(search(Map.of(), "DISTANCE", 10))).containsExactly(near.id, middle.id, far.id);
        assertThat(ids(search(Map.of(), "PRICE", 10))).containsExactly(middle.id, far.id, near.id);
        assertThat(ids(search(Map.of(), "RATING", 10))).containsExactly(far.id, middle.id, near.id);
        assertThat(ids(search(Map.of("minRating", 4.5), "DISTANCE", 10))).containsExactly(middle.id, far.id);
        assertThat(ids(search(Map.of("maxPrice", "220.00"), "DISTANCE", 10))).containsExactly(middle.id, far.id);
        assertThat(ids(search(Map.of("specialty", "DERMATOLOGIA"), "DISTANCE", 10))).isEmpty();

        GraphQlTester.Response first = searchResponse(Map.of(), "DISTANCE", 2, null);
        first.path("searchDoctors.totalCount").entity(Integer.class).isEqualTo(3)
                .path("searchDoctors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("searchDoctors.edges[0].distanceKm").entity(Double.class).satisfies(km -> assertThat(km).isBetween(0.99, 1.01))
                .path("searchDoctors.edges[0].consultationPrice.amount").entity(String.class).isEqualTo("300.00")
                .path("searchDoctors.edges[0].rating.count").entity(Integer.class).isEqualTo(1)
                .path("searchDoctors.edges[1].rating.average").entity(Double.class).isEqualTo(4.5)
                .path("searchDoctors.edges[0].nextAvailableSlot").valueIsNull()
                .path("searchDoctors.edges[0].node.name").entity(String.class).isEqualTo(near.name);
        String cursor = first.path("searchDoctors.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = searchResponse(Map.of(), "DISTANCE", 2, cursor);
        second.path("searchDoctors.edges[*].node.id").entityList(String.class).containsExactly(far.id)
                .path("searchDoctors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("searchDoctors.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        // A cursor belongs to its search: another sort refuses it; what is no cursor at all is a bad argument.
        assertCode(searchRequest(Map.of(), "PRICE", 2, cursor), "INVALID_CURSOR");
        assertThat(singleError(searchRequest(Map.of(), "DISTANCE", 2, "bm90IG91cnM")).getExtensions())
                .containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "after");
        assertThat(singleError(searchRequest(Map.of(), "DISTANCE", 2, cursor.substring(0, cursor.length() - 4) + "AAAA")).getExtensions())
                .as("an edited cursor").containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "after");
    }

    @Test
    void searchEdgesFollowTheRelaySpecWithTheDistanceOnTheEdgeAndTheDeprecatedDoctorStillAnswering() {
        Doctor near = publish(lat + 0.009, lon, "300.00");
        Doctor far = publish(lat + 0.027, lon, "220.00");

        GraphQlTester.Response response = api.document("searchDoctorEdges").variable("filter", filter(Map.of())).execute();

        response.path("searchDoctors.edges[*].node.id").entityList(String.class).containsExactly(near.id, far.id)
                .path("searchDoctors.edges[*].doctor.id").entityList(String.class).containsExactly(near.id, far.id)
                .path("searchDoctors.edges[0].node.name").entity(String.class).isEqualTo(near.name)
                .path("searchDoctors.edges[0].distanceKm").entity(Double.class).satisfies(km -> assertThat(km).isBetween(0.99, 1.01))
                .path("searchDoctors.edges[1].distanceKm").entity(Double.class).satisfies(km -> assertThat(km).isBetween(2.99, 3.01))
                .path("searchDoctors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("searchDoctors.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        List<String> cursors = response.path("searchDoctors.edges[*].cursor").entityList(String.class).get();
        response.path("searchDoctors.pageInfo.startCursor").entity(String.class).isEqualTo(cursors.get(0))
                .path("searchDoctors.pageInfo.endCursor").entity(String.class).isEqualTo(cursors.get(1));
    }

    @Test
    void searchPagesForwardToTheEndWithoutSkippingOrRepeatingADoctor() {
        List<String> published = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            published.add(publish(lat + 0.004 * i, lon, "200.00").id);
        }

        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        for (int pages = 1; ; pages++) {
            GraphQlTester.Response page = searchResponse(Map.of(), "DISTANCE", 3, after);
            seen.addAll(page.path("searchDoctors.edges[*].node.id").entityList(String.class).get());
            if (!page.path("searchDoctors.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                assertThat(pages).isEqualTo(3);
                break;
            }
            after = page.path("searchDoctors.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).containsExactlyElementsOf(published);
    }

    @Test
    void searchTakesFirstFromOneToAHundredAsACodedError() {
        for (int first : new int[] {0, 101, -1}) {
            assertThat(singleError(searchRequest(Map.of(), "DISTANCE", first, null)).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "first");
        }
    }

    @Test
    void badSearchesGetCodedErrors() {
        assertSearchError(Map.of("radiusKm", 0.0), "INVALID_RADIUS", "filter.radiusKm");
        assertSearchError(Map.of("radiusKm", 100.5), "INVALID_RADIUS", "filter.radiusKm");
        assertSearchError(Map.of("radiusKm", -3.0), "INVALID_RADIUS", "filter.radiusKm");
        assertSearchError(Map.of("near", Map.of("latitude", 90.01, "longitude", 0.0)), "INVALID_COORDINATES", "filter.near");
        assertSearchError(Map.of("near", Map.of("latitude", 0.0, "longitude", 181.0)), "INVALID_COORDINATES", "filter.near");
        assertSearchError(Map.of("near", Map.of("latitude", 0.0)), "INVALID_COORDINATES", "filter.near");
        assertSearchError(Map.of("near", Map.of("address", "Av. Paulista, 1578, São Paulo")), "GEOCODING_UNAVAILABLE", "filter.near.address");
        assertSearchError(Map.of("near", Map.of()), "BAD_USER_INPUT", "filter.near");
        assertSearchError(Map.of("specialty", "ASTROLOGIA"), "UNKNOWN_SPECIALTY", "filter.specialty");
        assertSearchError(Map.of("minRating", 6.0), "BAD_USER_INPUT", "filter.minRating");
        assertSearchError(Map.of("maxPrice", "-5"), "INVALID_PRICE", "filter.maxPrice");
        ResponseError tooMany = singleError(searchRequest(Map.of(), "DISTANCE", 101, null));
        assertThat(tooMany.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "first");
    }

    // --- helpers --------------------------------------------------------------------------------

    record Doctor(String id, String name, String token) {}

    Doctor registerDoctor() {
        Map<String, Object> input = Api.newDoctor();
        Map<String, Object> session = api.registerDoctor(input);
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        return new Doctor((String) account.get("id"), (String) input.get("name"), (String) session.get("accessToken"));
    }

    Doctor publish(double latitude, double longitude, String price) {
        Doctor doctor = registerDoctor();
        api.as(doctor.token).document("updateDoctorProfile").variable("input", profile(latitude, longitude, price)).execute()
                .path("updateDoctorProfile.id").entity(String.class).isEqualTo(doctor.id);
        return doctor;
    }

    static Map<String, Object> profile(double latitude, double longitude, String price) {
        return Map.of("specialties", List.of("CARDIOLOGIA", "PEDIATRIA"),
                "consultationPrice", price,
                "officeLocation", Map.of("latitude", latitude, "longitude", longitude));
    }

    Map<String, Object> filter(Map<String, Object> overrides) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("specialty", "CARDIOLOGIA");
        filter.put("near", Map.of("latitude", lat, "longitude", lon));
        filter.put("radiusKm", 10.0);
        filter.putAll(overrides);
        return filter;
    }

    GraphQlTester.Request<?> searchRequest(Map<String, Object> overrides, String sort, int first, String after) {
        GraphQlTester.Request<?> request = api.document("searchDoctors").variable("filter", filter(overrides))
                .variable("sort", sort).variable("first", first);
        return after == null ? request : request.variable("after", after);
    }

    GraphQlTester.Response searchResponse(Map<String, Object> overrides, String sort, int first, String after) {
        return searchRequest(overrides, sort, first, after).execute();
    }

    List<String> search(Map<String, Object> overrides, String sort, int first) {
        return searchResponse(overrides, sort, first, null).path("searchDoctors.edges[*].node.id").entityList(String.class).get();
    }

    static List<String> ids(List<String> ids) {
        return ids;
    }

    void assertSearchError(Map<String, Object> overrides, String code, String field) {
        ResponseError error = singleError(searchRequest(overrides, "DISTANCE", 5, null));
        assertThat(error.getExtensions()).as("%s", overrides).containsEntry("code", code).containsEntry("field", field);
    }

    static void assertCode(GraphQlTester.Request<?> request, String code) {
        assertThat(singleError(request).getExtensions()).containsEntry("code", code);
    }

    static ResponseError singleError(GraphQlTester.Request<?> request) {
        ResponseError[] found = new ResponseError[1];
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found[0] = errors.get(0);
        });
        return found[0];
    }
}
