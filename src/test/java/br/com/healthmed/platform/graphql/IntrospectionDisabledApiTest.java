package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import graphql.introspection.Introspection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * With introspection off, as in production, an introspection query is a refused request
 * ({@code GRAPHQL_VALIDATION_FAILED}), not a failure on our side ({@code INTERNAL_ERROR}).
 *
 * <p>Spring Boot switches introspection off with graphql-java's JVM-wide flag
 * ({@link Introspection#enabledJvmWide}) and never switches it back on, so starting this context
 * would take introspection away from every other test in the JVM. The flag is put back afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.graphql.schema.introspection.enabled=false")
class IntrospectionDisabledApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static boolean introspectionBefore;

    @LocalServerPort
    int port;

    @BeforeAll
    static void rememberIntrospection() {
        introspectionBefore = Introspection.isEnabledJvmWide();
    }

    @AfterAll
    static void restoreIntrospection() {
        Introspection.enabledJvmWide(introspectionBefore);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIntrospectionQueryIsValidationFailed() throws Exception {
        assertThat(Introspection.isEnabledJvmWide()).isFalse();

        HttpResponse<String> response = post("{ __schema { types { name } } }");

        Map<String, Object> body = json(response);
        assertThat(response.statusCode()).isBetween(200, 499);
        assertThat(body.get("data")).isNull();
        List<Map<String, Object>> errors = errors(body);
        assertThat(errors).as("errors in %s", response.body()).hasSize(1);
        assertThat((Map<Object, Object>) errors.get(0).get("extensions")).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat(response.body()).doesNotContain("RegisterPatientInput");
    }

    @Test
    void ordinaryQueriesStillRun() throws Exception {
        HttpResponse<String> response = post("{ __typename specialties { code } }");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).doesNotContainKey("errors");
    }

    private HttpResponse<String> post(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.at(port).baseUrl() + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        assertThat(body.get("errors")).as("errors in %s", body).isInstanceOf(List.class);
        return (List<Map<String, Object>>) body.get("errors");
    }
}
