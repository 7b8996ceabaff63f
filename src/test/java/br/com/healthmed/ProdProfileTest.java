package br.com.healthmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.notifications.Mailer;
import br.com.healthmed.notifications.mail.InMemoryMailer;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
import br.com.healthmed.support.RedisServer;
import graphql.introspection.Introspection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile as deployed: DynamoDB storage (dynalite here), Redis events, a configured
 * signing key, no GraphiQL, no static files, no introspection or field suggestions; probes and
 * metrics on the management port only, JSON logs; and no start at all without a signing key.
 * (The S3 blob store and Amazon Location geocoder the profile selects are switched to their local
 * adapters here: their engines are not part of this test.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProdProfileTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TABLE = "test-" + UUID.randomUUID();
    private static final String ORIGIN_KEY = "healthmed.booking-limits.origin-key";

    private static boolean introspectionBefore;
    private static ConfigurableApplicationContext context;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        // Spring Boot switches introspection off JVM-wide and never back on; other tests need it.
        introspectionBefore = Introspection.isEnabledJvmWide();
        context = prod("healthmed.security.jwt.private-key=" + pkcs8Pem());
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        Introspection.enabledJvmWide(introspectionBefore);
    }

    /** Starts the prod profile; the properties are command-line arguments, which outrank the profile's YAML. */
    private static ConfigurableApplicationContext prod(String... properties) {
        Stream<String> overrides = Stream.of("server.port=0", "management.server.port=0",
                        "healthmed.dynamodb.endpoint=" + Dynalite.endpoint(),
                        "healthmed.dynamodb.table-name=" + TABLE,
                        "healthmed.dynamodb.create-table=true",
                        "spring.data.redis.host=" + RedisServer.host(),
                        "spring.data.redis.port=" + RedisServer.port(),
                        "spring.data.redis.ssl.enabled=false",
                        // S3 and Amazon Location cannot be reached from here: their adapters are tested on
                        // their own (s3proxy, WireMock); the bucket name is still required by the profile.
                        "healthmed.blob-store=local",
                        "healthmed.s3.bucket=healthmed-records-test",
                        "healthmed.geocoder=none");
        return new SpringApplicationBuilder(HealthMedApplication.class)
                .profiles("prod")
                .run(Stream.concat(overrides, Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new));
    }

    private static String pkcs8Pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    private static HttpResponse<String> graphql(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutASigningKeyTheServiceRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> prod().close())
                .hasStackTraceContaining("No token signing key")
                .hasStackTraceContaining("HEALTHMED_SECURITY_JWT_PRIVATE_KEY");
    }

    @Test
    void withThePublishedOriginKeyTheServiceRefusesToStartAndNamesTheVariable() throws Exception {
        String signingKey = "healthmed.security.jwt.private-key=" + pkcs8Pem();
        assertThatThrownBy(() -> prod(signingKey, ORIGIN_KEY + "=local-development-origin-key").close())
                .hasStackTraceContaining("HEALTHMED_BOOKINGLIMITS_ORIGINKEY")
                .hasStackTraceContaining("the prod profile is active");
        assertThatThrownBy(() -> prod(signingKey, ORIGIN_KEY + "=").close())
                .hasStackTraceContaining("HEALTHMED_BOOKINGLIMITS_ORIGINKEY");
    }

    @Test
    void itServesGraphQlOnDynamoDbWithoutDeveloperTools() throws Exception {
        HttpResponse<String> specialties = graphql("{\"query\":\"{ specialties { code } }\"}");
        assertThat(specialties.statusCode()).isEqualTo(200);
        assertThat(specialties.body()).contains("CARDIOLOGIA");
        assertThat(context.getBean(DynamoTable.class).name()).isEqualTo(TABLE);

        HttpResponse<String> introspection = graphql("{\"query\":\"{ __schema { types { name } } }\"}");
        assertThat(introspection.body()).contains("GRAPHQL_VALIDATION_FAILED").doesNotContain("\"types\"");

        for (String path : new String[] {"/graphiql", "/graphiql/index.html", "/webjars/graphiql/2.4.7/graphiql.min.js"}) {
            assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void mailGoesThroughSesAndTheDevelopersMailboxDoesNotExist() throws Exception {
        assertThat(context.getBean(Mailer.class).getClass().getSimpleName()).isEqualTo("SesMailer");
        assertThat(context.getBeansOfType(InMemoryMailer.class)).isEmpty();
        assertThat(get(port, "/dev/mailbox").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/dev/mailbox").statusCode()).isEqualTo(404);
    }

    @Test
    void aMisspelledFieldIsRefusedWithoutSuggestingTheRealOnes() throws Exception {
        // Field suggestions ("did you mean specialties?") would rebuild the schema that introspection hides.
        HttpResponse<String> misspelled = graphql("{\"query\":\"{ specialtie { code } }\"}");

        assertThat(misspelled.body()).contains("GRAPHQL_VALIDATION_FAILED", "specialtie")
                .doesNotContain("specialties", "mean", "suggest");
    }

    @Test
    void probesAndMetricsAreOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        // the table and the revoked sessions are checked; not Redis, nor S3: an outage of either is the same on
        // every pod, which the service rides out (docs/reliability.md)
        assertThat(readiness.body()).contains("\"dynamodb\"", "\"revocations\"", "\"readinessState\"").doesNotContain("redis");
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("dynamodb", "redis");

        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            assertThat(get(port, path).statusCode()).as("application port %s", path).isEqualTo(404);
        }
    }

    @Test
    void graphQlRequestsAreTimedPerOperation() throws Exception {
        graphql("{\"query\":\"query Specialties { specialties { code } }\",\"operationName\":\"Specialties\"}");

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines().filter(line -> line.startsWith("graphql_request_seconds_count{")))
                .anySatisfy(line -> assertThat(line)
                        .contains("graphql_operation_name=\"Specialties\"", "graphql_outcome=\"SUCCESS\""));
    }

    @Test
    void logLinesAreJsonWithTheCorrelationIdAndTheKeyCanComeFromAMountedFile(CapturedOutput output, @TempDir Path secrets)
            throws Exception {
        // As the Helm chart mounts secrets: one file per property, read with spring.config.import=configtree.
        Files.writeString(secrets.resolve("healthmed.security.jwt.private-key"), pkcs8Pem() + "\n");
        // A context of its own: logging is configured when a context starts (another one failing to
        // start, as in the signing-key test, resets it).
        try (ConfigurableApplicationContext own = prod("spring.config.import=configtree:" + secrets + "/")) {
            MDC.put("correlationId", "probe-correlation-id");
            try {
                LoggerFactory.getLogger(ProdProfileTest.class).info("structured logging probe");
            } finally {
                MDC.remove("correlationId");
            }
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("\"message\":\"Started ")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\"").endsWith("}"));
        assertThat(output.getOut().lines().filter(line -> line.contains("structured logging probe")))
                .singleElement().satisfies(line -> assertThat(line)
                        .startsWith("{").endsWith("}")
                        .contains("\"correlationId\":\"probe-correlation-id\"", "\"level\":\"INFO\""));
    }

    @Test
    void readinessFailsWhileTheTableIsMissingAndLivenessDoesNot() throws Exception {
        DynamoTable table = context.getBean(DynamoTable.class);
        Dynalite.client().deleteTable(b -> b.tableName(TABLE));
        try {
            HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            table.createIfMissing();
        }
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
