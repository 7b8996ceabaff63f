package br.com.healthmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.support.Dynalite;
import graphql.introspection.Introspection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile as deployed: DynamoDB storage (dynalite here), a configured signing key,
 * no GraphiQL, no static files, no introspection; and no start at all without a signing key.
 */
class ProdProfileTest {

    private static boolean introspectionBefore;

    @BeforeAll
    static void remember() {
        // Spring Boot switches introspection off JVM-wide and never back on; other tests need it.
        introspectionBefore = Introspection.isEnabledJvmWide();
    }

    @AfterAll
    static void restore() {
        Introspection.enabledJvmWide(introspectionBefore);
    }

    private static SpringApplicationBuilder prod(String... properties) {
        return new SpringApplicationBuilder(HealthMedApplication.class)
                .profiles("prod")
                .properties("server.port=0",
                        "healthmed.dynamodb.endpoint=" + Dynalite.endpoint(),
                        "healthmed.dynamodb.table-name=test-" + UUID.randomUUID(),
                        "healthmed.dynamodb.create-table=true",
                        // Records: the prod profile keeps file bytes on S3; no request reaches it here.
                        "healthmed.s3.bucket=healthmed-records-test")
                .properties(properties);
    }

    private static String pkcs8Pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    @Test
    void withoutASigningKeyTheServiceRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> prod().run().close())
                .hasStackTraceContaining("No token signing key")
                .hasStackTraceContaining("HEALTHMED_SECURITY_JWT_PRIVATE_KEY");
    }

    @Test
    void withAKeyItServesGraphQlOnDynamoDbWithoutDeveloperTools() throws Exception {
        try (ConfigurableApplicationContext context = prod("healthmed.security.jwt.private-key=" + pkcs8Pem()).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> specialties = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ specialties { code } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(specialties.statusCode()).isEqualTo(200);
            assertThat(specialties.body()).contains("CARDIOLOGIA");

            HttpResponse<String> introspection = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __schema { types { name } } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(introspection.body()).contains("GRAPHQL_VALIDATION_FAILED").doesNotContain("\"types\"");

            for (String path : new String[] {"/graphiql", "/graphiql/index.html", "/webjars/graphiql/2.4.7/graphiql.min.js"}) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(404);
            }
        }
    }
}
