package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom scalars as a client's JSON holds them (docs/api.md, "Scalars and money"): prices as
 * {@code Money} with the amount a string, {@code DateTime} in UTC, and each scalar's description and
 * {@code specifiedByURL} in introspection, where code generators read them. Raw HTTP bodies are checked:
 * a client library would hide whether {@code "350.00"} came as a string or as the number 350.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScalarsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UPDATE_PRICE =
            "mutation($input: DoctorProfileInput!) { updateDoctorProfile(input: $input) { consultationPrice { amount currency } } }";
    /** Fragments of Java that must never reach a client. */
    private static final List<String> INTERNALS = List.of("java.", "BigDecimal", "Double", "FloatValue", "Exception");

    @LocalServerPort
    int port;

    Api api;
    String doctor;

    @BeforeEach
    void registerDoctor() {
        api = Api.at(port);
        doctor = (String) api.registerDoctor(Api.newDoctor()).get("accessToken");
    }

    @Test
    void aPriceIsMoneyWhoseAmountIsAStringWithTwoDecimalPlaces() throws Exception {
        String asString = post(UPDATE_PRICE, Map.of("input", profile("350")));
        String asInteger = post(UPDATE_PRICE, Map.of("input", profile(350)));

        String expected = "{\"data\":{\"updateDoctorProfile\":{\"consultationPrice\":{\"amount\":\"350.00\",\"currency\":\"BRL\"}}}}";
        assertThat(asString).isEqualTo(expected);
        assertThat(asInteger).isEqualTo(expected);
        assertThat(post(UPDATE_PRICE, Map.of("input", profile("349.90")))).contains("{\"amount\":\"349.90\",\"currency\":\"BRL\"}");
    }

    @Test
    void aPriceWithAFractionAsAJsonNumberOrAFloatLiteralIsBadUserInput() throws Exception {
        Map<String, Object> asVariable = onlyError(post(UPDATE_PRICE, Map.of("input", profile(349.9))));
        Map<String, Object> asLiteral = onlyError(post(
                "mutation { updateDoctorProfile(input: {specialties: [\"CARDIOLOGIA\"], consultationPrice: 349.9}) { id } }", Map.of()));

        for (Map<String, Object> error : List.of(asVariable, asLiteral)) {
            assertThat(extensions(error)).containsEntry("code", "BAD_USER_INPUT");
            assertThat((String) error.get("message")).contains("send a string, e.g. \"350.00\"").doesNotContain(INTERNALS);
        }
    }

    @Test
    void aLongNonDecimalIsRefusedWithoutBeingEchoed() throws Exception {
        String huge = "1".repeat(100_000) + "x";
        String asVariable = post(UPDATE_PRICE, Map.of("input", profile(huge)));
        String asLiteral = post("mutation { updateDoctorProfile(input: {specialties: [\"CARDIOLOGIA\"], consultationPrice: \""
                + huge + "\"}) { id } }", Map.of());

        for (String body : List.of(asVariable, asLiteral)) {
            assertThat(extensions(onlyError(body))).containsEntry("code", "BAD_USER_INPUT");
            assertThat(body).hasSizeLessThan(1_000).contains("Not a Decimal").doesNotContain(INTERNALS);
        }
    }

    @Test
    void aDateTimeSentWithAnOffsetComesBackInUtcWithZAndMilliseconds() throws Exception {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String inSaoPaulo = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.atOffset(ZoneOffset.ofHours(-3)));
        assertThat(inSaoPaulo).endsWith("-03:00");

        String body = post("mutation($slots: [NewSlotInput!]!) { publishSlots(slots: $slots) { start } }",
                Map.of("slots", List.of(Map.of("start", inSaoPaulo))));

        String utc = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(start.atOffset(ZoneOffset.UTC)) + ".000Z";
        assertThat(body).isEqualTo("{\"data\":{\"publishSlots\":[{\"start\":\"" + utc + "\"}]}}");
    }

    @Test
    void everyCustomScalarIsDescribedWithItsJsonFormAndItsSpecificationWhereOneExists() throws Exception {
        Map<String, String> specifiedBy = new LinkedHashMap<>();
        specifiedBy.put("DateTime", "https://scalars.graphql.org/andimarek/date-time");
        specifiedBy.put("Date", "https://scalars.graphql.org/andimarek/local-date");
        specifiedBy.put("LocalTime", "https://scalars.graphql.org/chillicream/local-time");
        specifiedBy.put("UUID", "https://www.rfc-editor.org/rfc/rfc9562");
        specifiedBy.put("Url", "https://url.spec.whatwg.org/");
        specifiedBy.put("Long", null);
        specifiedBy.put("PositiveInt", null);
        specifiedBy.put("NonNegativeInt", null);
        specifiedBy.put("Decimal", null);

        Map<String, Object> schema = data(post("{ __schema { types { kind name description specifiedByURL } } }", Map.of()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> types = (List<Map<String, Object>>) ((Map<String, Object>) schema.get("__schema")).get("types");
        Map<String, Map<String, Object>> customScalars = new HashMap<>();
        types.stream().filter(type -> "SCALAR".equals(type.get("kind")))
                .filter(type -> !List.of("String", "Int", "Float", "Boolean", "ID").contains(type.get("name")))
                .forEach(type -> customScalars.put((String) type.get("name"), type));
        assertThat(customScalars).as("the custom scalars docs/api.md lists").containsOnlyKeys(specifiedBy.keySet());
        specifiedBy.forEach((name, url) -> {
            assertThat(customScalars.get(name).get("specifiedByURL")).as(name).isEqualTo(url);
            assertThat((String) customScalars.get(name).get("description")).as(name).containsPattern("as a JSON (string|number)");
        });
    }

    private static Map<String, Object> profile(Object price) {
        Map<String, Object> input = new HashMap<>();
        input.put("specialties", List.of("CARDIOLOGIA"));
        input.put("consultationPrice", price);
        return input;
    }

    private String post(String query, Map<String, Object> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + doctor)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .timeout(Api.HANG_GUARD)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String body) {
        Map<String, Object> answer = JSON.readValue(body, Map.class);
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) answer.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyError(String body) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) JSON.readValue(body, Map.class).get("errors");
        assertThat(errors).as(body).hasSize(1);
        return errors.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.get("extensions");
    }
}
