package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP, answer by answer: the status, the media type (the one the client accepted), and a
 * body that is a pure GraphQL response ({@code errors} with codes, {@code data} when executed, nothing
 * else) for every kind of request: success, GraphQL errors, a bad token, bad JSON, a wrong method,
 * content type or Accept, a body too large, GET queries and mutations, and {@code /error}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlOverHttpApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String APPLICATION_JSON = "application/json";
    private static final String OK_QUERY = "{\"query\":\"{ specialties { code } }\"}";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.at(port);
    }

    /** One request and what it must get. {@code code} null: no errors; {@code data}: whether the body has data. */
    record Case(String name, String method, String path, @Nullable String contentType, @Nullable String accept, @Nullable String body,
                int status, String mediaType, @Nullable String code, boolean data) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String parseError = "{\"query\":\"{ specialties { code }\"}";
        String validationError = "{\"query\":\"{ specialties { colour } }\"}";
        String coercionError = "{\"query\":\"query ($id: UUID!) { doctor(id: $id) { name } }\",\"variables\":{\"id\":null}}";
        List<Case> cases = new ArrayList<>(List.of(
                post("success, graphql-response+json", GRAPHQL_RESPONSE, OK_QUERY, 200, GRAPHQL_RESPONSE, null, true),
                post("success, application/json", APPLICATION_JSON, OK_QUERY, 200, APPLICATION_JSON, null, true),
                post("success, no Accept: application/json", null, OK_QUERY, 200, APPLICATION_JSON, null, true),
                post("success, */*: application/json", "*/*", OK_QUERY, 200, APPLICATION_JSON, null, true),
                post("success, the spec's recommended Accept", GRAPHQL_RESPONSE + ", application/json;q=0.9", OK_QUERY,
                        200, GRAPHQL_RESPONSE, null, true),
                post("success, json preferred by quality", GRAPHQL_RESPONSE + ";q=0.5, application/json", OK_QUERY,
                        200, APPLICATION_JSON, null, true),
                post("parse error, graphql-response+json: 400", GRAPHQL_RESPONSE, parseError, 400, GRAPHQL_RESPONSE, "GRAPHQL_PARSE_FAILED", false),
                post("parse error, application/json: 200", APPLICATION_JSON, parseError, 200, APPLICATION_JSON, "GRAPHQL_PARSE_FAILED", false),
                post("validation error, graphql-response+json: 400", GRAPHQL_RESPONSE, validationError, 400, GRAPHQL_RESPONSE,
                        "GRAPHQL_VALIDATION_FAILED", false),
                post("validation error, application/json: 200", APPLICATION_JSON, validationError, 200, APPLICATION_JSON,
                        "GRAPHQL_VALIDATION_FAILED", false),
                post("variable coercion error, graphql-response+json: 400", GRAPHQL_RESPONSE, coercionError, 400, GRAPHQL_RESPONSE,
                        "GRAPHQL_VALIDATION_FAILED", false),
                post("field error: executed, 200 with data", GRAPHQL_RESPONSE, "{\"query\":\"{ me { id } }\"}", 200, GRAPHQL_RESPONSE,
                        "UNAUTHENTICATED", true),
                post("unreadable JSON, graphql-response+json", GRAPHQL_RESPONSE, "{ \"not a JSON", 400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                post("unreadable JSON, application/json: 400 too", APPLICATION_JSON, "{ \"not a JSON", 400, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("empty body", GRAPHQL_RESPONSE, "", 400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                post("a JSON array", GRAPHQL_RESPONSE, "[]", 400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                post("no query", APPLICATION_JSON, "{\"qeury\":\"{ __typename }\"}", 400, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("a number for query", APPLICATION_JSON, "{\"query\":42}", 400, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("a number for operationName", APPLICATION_JSON, "{\"query\":\"{ __typename }\",\"operationName\":0}", 400,
                        APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("a string for variables", APPLICATION_JSON, "{\"query\":\"{ __typename }\",\"variables\":\"x\"}", 400,
                        APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("an array for extensions", APPLICATION_JSON, "{\"query\":\"{ __typename }\",\"extensions\":[1]}", 400,
                        APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("nulls for the optional parameters", GRAPHQL_RESPONSE,
                        "{\"query\":\"{ __typename }\",\"variables\":null,\"operationName\":null,\"extensions\":null}", 200, GRAPHQL_RESPONSE, null, true),
                new Case("no Content-Type: 415", "POST", "/graphql", null, GRAPHQL_RESPONSE, OK_QUERY, 415, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                new Case("text/plain: 415", "POST", "/graphql", "text/plain", APPLICATION_JSON, OK_QUERY, 415, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                post("Accept text/html only: 406, body in graphql-response+json", "text/html", OK_QUERY, 406, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                post("Accept text/event-stream only: 406", "text/event-stream", OK_QUERY, 406, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                post("an Accept that cannot be parsed: 406", "this is not a media type;;", OK_QUERY, 406, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                new Case("PUT: 405", "PUT", "/graphql", APPLICATION_JSON, GRAPHQL_RESPONSE, OK_QUERY, 405, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                new Case("DELETE: 405", "DELETE", "/graphql", null, APPLICATION_JSON, null, 405, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                new Case("GET /error: 404, not a public 500", "GET", "/error", null, null, null, 404, APPLICATION_JSON, "NOT_FOUND", false),
                new Case("GET /error as a browser: 404", "GET", "/error", null, "text/html,application/xhtml+xml,*/*;q=0.8", null,
                        404, APPLICATION_JSON, "NOT_FOUND", false),
                new Case("POST /error: 404", "POST", "/error", APPLICATION_JSON, GRAPHQL_RESPONSE, OK_QUERY, 404, GRAPHQL_RESPONSE, "NOT_FOUND", false),
                new Case("an unknown path: 404", "GET", "/no-such-thing", null, GRAPHQL_RESPONSE, null, 404, GRAPHQL_RESPONSE, "NOT_FOUND", false),
                get("GET query", GRAPHQL_RESPONSE, "query=" + encode("{ specialties { code } }"), 200, GRAPHQL_RESPONSE, null, true),
                get("GET query, application/json", APPLICATION_JSON, "query=" + encode("{ specialties { code } }"), 200, APPLICATION_JSON, null, true),
                get("GET with variables and operationName", GRAPHQL_RESPONSE,
                        "query=" + encode("query A { a: __typename } query T($name: String!) { __type(name: $name) { name } }")
                                + "&operationName=T&variables=" + encode("{\"name\":\"Specialty\"}"), 200, GRAPHQL_RESPONSE, null, true),
                get("GET mutation: 405 even under application/json", APPLICATION_JSON,
                        "query=" + encode("mutation { logout(refreshToken: \"x\") }"), 405, APPLICATION_JSON, "MALFORMED_REQUEST", false),
                get("GET mutation chosen by operationName", GRAPHQL_RESPONSE,
                        "query=" + encode("query Q { __typename } mutation M { logout(refreshToken: \"x\") }") + "&operationName=M", 405, GRAPHQL_RESPONSE,
                        "MALFORMED_REQUEST", false),
                get("GET subscription: refused", GRAPHQL_RESPONSE, "query=" + encode("subscription { sessionEnded { reason } }"),
                        405, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                get("GET without query", GRAPHQL_RESPONSE, "", 400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                get("GET with variables that are not JSON", GRAPHQL_RESPONSE, "query=" + encode("{ __typename }") + "&variables=%7Bnope",
                        400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                get("GET with query twice", GRAPHQL_RESPONSE, "query=" + encode("{ __typename }") + "&query=" + encode("{ __typename }"),
                        400, GRAPHQL_RESPONSE, "MALFORMED_REQUEST", false),
                get("GET parse error", GRAPHQL_RESPONSE, "query=" + encode("{"), 400, GRAPHQL_RESPONSE, "GRAPHQL_PARSE_FAILED", false)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachAnswerIsAPureGraphQlResponseInTheAcceptedMediaTypeWithItsStatus(Case c) throws Exception {
        HttpResponse<String> response = send(c.method(), c.path(), c.contentType(), c.accept(), c.body(), Map.of());

        assertThat(response.statusCode()).as("status of %s: %s", c, response.body()).isEqualTo(c.status());
        assertPureGraphQlResponse(response, c.mediaType(), c.code(), c.data());
        if (c.status() == 405) {
            assertThat(response.headers().firstValue("Allow")).as("Allow of %s", c).isPresent();
        }
    }

    @Test
    void aGetMutationIsNotExecutedAndAllowsPost() throws Exception {
        HttpResponse<String> response = send("GET", "/graphql?query=" + encode("mutation { logout(refreshToken: \"x\") }"), null, GRAPHQL_RESPONSE, null, Map.of());

        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(response)).doesNotContainKey("data");
    }

    @Test
    void aBadTokenIs401WithItsCodeUnderBothMediaTypes() throws Exception {
        for (String accept : List.of(GRAPHQL_RESPONSE, APPLICATION_JSON)) {
            HttpResponse<String> response = send("POST", "/graphql", APPLICATION_JSON, accept, OK_QUERY,
                    Map.of("Authorization", "Bearer not.a.token"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertPureGraphQlResponse(response, accept, "UNAUTHENTICATED", false);
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}";

        HttpResponse<String> response = send("POST", "/graphql", APPLICATION_JSON, GRAPHQL_RESPONSE, big, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertPureGraphQlResponse(response, GRAPHQL_RESPONSE, "REQUEST_TOO_LARGE", false);
    }

    @Test
    void anonymousGetsOfPublicDataMayBeCachedAndNothingElse() throws Exception {
        String specialties = "/graphql?query=" + encode("{ specialties { code } }");
        String token = (String) api.registerPatient(Api.newPatient()).get("accessToken");

        assertThat(cacheControl(send("GET", specialties, null, GRAPHQL_RESPONSE, null, Map.of()))).isEqualTo("public, max-age=60");
        // authenticated: private, even for public fields
        assertThat(cacheControl(send("GET", specialties, null, GRAPHQL_RESPONSE, null, Map.of("Authorization", "Bearer " + token))))
                .isEqualTo("private, no-store");
        // a field that is not public
        assertThat(cacheControl(send("GET", "/graphql?query=" + encode("{ me { id } }"), null, GRAPHQL_RESPONSE, null,
                Map.of("Authorization", "Bearer " + token)))).isEqualTo("private, no-store");
        assertThat(cacheControl(send("GET", "/graphql?query=" + encode("{ privacyNotice { controller } specialties { code } }"), null,
                GRAPHQL_RESPONSE, null, Map.of()))).isEqualTo("private, no-store");
        // errors
        assertThat(cacheControl(send("GET", "/graphql?query=" + encode("{ me { id } }"), null, GRAPHQL_RESPONSE, null, Map.of())))
                .isEqualTo("private, no-store");
        // POST is never stored
        assertThat(cacheControl(send("POST", "/graphql", APPLICATION_JSON, GRAPHQL_RESPONSE, OK_QUERY, Map.of()))).isEqualTo("no-store");
        assertThat(send("GET", specialties, null, GRAPHQL_RESPONSE, null, Map.of()).headers().allValues("Vary").toString()).contains("Accept");
    }

    @Test
    void aGetRunsThroughTheSameInterceptorsAsAPost() throws Exception {
        String token = (String) api.registerPatient(Api.newPatient()).get("accessToken");

        HttpResponse<String> me = send("GET", "/graphql?query=" + encode("{ me { id } }"), null, GRAPHQL_RESPONSE, null,
                Map.of("Authorization", "Bearer " + token));
        HttpResponse<String> expired = send("GET", "/graphql?query=" + encode("{ me { id } }"), null, GRAPHQL_RESPONSE, null,
                Map.of("Authorization", "Bearer not.a.token"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me)).doesNotContainKey("errors");
        assertThat(me.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void aPersistedQueryGetWithoutQueryReachesGraphQl() throws Exception {
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "0".repeat(64) + "\"}}";

        HttpResponse<String> response = send("GET", "/graphql?extensions=" + encode(extensions) + "&variables=" + encode("{}"),
                null, GRAPHQL_RESPONSE, null, Map.of());

        // answered by GraphQL (the persisted-query support decides the code), not refused as a request without query
        assertThat(response.statusCode()).isBetween(200, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(GRAPHQL_RESPONSE));
        assertThat(response.body()).doesNotContain("query must be a string");
    }

    @Test
    void aBrowserOnAnAllowedOriginMayGetQueries() throws Exception {
        String origin = "http://localhost:5173"; // the local profile's web app
        HttpResponse<String> preflight = send("OPTIONS", "/graphql", null, null, null,
                Map.of("Origin", origin, "Access-Control-Request-Method", "GET"));
        HttpResponse<String> query = send("GET", "/graphql?query=" + encode("{ specialties { code } }"), null, GRAPHQL_RESPONSE, null,
                Map.of("Origin", origin));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Case post(String name, @Nullable String accept, String body, int status, String mediaType, @Nullable String code,
                             boolean data) {
        return new Case(name, "POST", "/graphql", APPLICATION_JSON, accept, body, status, mediaType, code, data);
    }

    private static Case get(String name, @Nullable String accept, String query, int status, String mediaType, @Nullable String code,
                            boolean data) {
        return new Case(name, "GET", "/graphql" + (query.isEmpty() ? "" : "?" + query), null, accept, null, status, mediaType, code, data);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable String accept,
                                      @Nullable String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cacheControl(HttpResponse<String> response) {
        return response.headers().firstValue("Cache-Control").orElse("(none)");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    /** {@code errors} (each with a message and a code) and/or {@code data}, nothing else; in {@code mediaType}, UTF-8. */
    @SuppressWarnings("unchecked")
    static void assertPureGraphQlResponse(HttpResponse<String> response, String mediaType, @Nullable String code, boolean data) {
        Optional<String> type = response.headers().firstValue("Content-Type");
        assertThat(type).as("Content-Type of %s", response.body()).hasValueSatisfying(
                t -> assertThat(t.toLowerCase()).startsWith(mediaType).contains("charset=utf-8"));
        Map<String, Object> body = json(response);
        assertThat(body.keySet()).as("top-level keys of %s", response.body()).isSubsetOf("data", "errors", "extensions");
        assertThat(body.containsKey("data")).as("data in %s", response.body()).isEqualTo(data);
        if (code == null) {
            assertThat(body).as(response.body()).doesNotContainKey("errors");
            return;
        }
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).as(response.body()).isNotEmpty().allSatisfy(error -> {
            assertThat((String) error.get("message")).isNotBlank();
            assertThat((Map<String, Object>) error.get("extensions")).containsKey("code");
        });
        assertThat(((Map<String, Object>) errors.get(0).get("extensions")).get("code")).as(response.body()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("timestamp", "\"status\"", "\"path\":\"/");
    }
}
