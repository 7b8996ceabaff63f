package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.support.Api;
import graphql.introspection.IntrospectionQuery;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.EcPublicJwk;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client sees when things go wrong: every error carries an {@code extensions.code}, and no
 * response, whatever failed, shows a stack trace, a Java class name or an internal message. The raw
 * HTTP bodies are checked, not only what a GraphQL client library makes of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPathApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Fragments that must never reach a client. */
    private static final List<String> INTERNALS = List.of(
            "Exception", "exception", "java.", "javax.", "jakarta.", "at br.com", "br.com.healthmed", "springframework",
            "graphql.", "com.example", "secret", "trace", "Caused by");

    @LocalServerPort
    int port;

    /** The real in-memory store, spied on so one test can make it fail. */
    @MockitoSpyBean
    AccountStore accountStore;

    @Autowired
    br.com.healthmed.identity.Jwks jwks;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.at(port);
    }

    // --- unexpected failures --------------------------------------------------------------------

    @Test
    void anUnexpectedExceptionReachesTheClientOnlyAsInternalErrorWithACorrelationId() throws Exception {
        String token = accessToken();
        doThrow(new IllegalStateException("secret internal detail at com.example.Foo"))
                .when(accountStore).find(any());

        Reply reply = graphql("{ me { id name } }", Map.of(), "Authorization", "Bearer " + token);

        verify(accountStore, atLeastOnce()).find(any()); // the failure really happened
        assertNoInternals(reply.body());
        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "INTERNAL_ERROR");
        String correlationId = (String) extensions(error).get("correlationId");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
        assertThat((String) error.get("message")).contains(correlationId);
        assertThat(error.get("path")).isEqualTo(List.of("me"));
        assertThat(reply.json().get("data")).isNull(); // me is non-null: the null bubbles up
    }

    @Test
    void eachUnexpectedFailureGetsItsOwnCorrelationId() throws Exception {
        String token = accessToken();
        doThrow(new IllegalStateException("secret")).when(accountStore).find(any());

        Object first = extensions(singleError(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + token)))
                .get("correlationId");
        Object second = extensions(singleError(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + token)))
                .get("correlationId");

        assertThat(first).isNotNull().isNotEqualTo(second);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theCorrelationIdIsTheRequestsOwnInTheResponseHeaderAndTheLogLine(CapturedOutput output) throws Exception {
        String token = accessToken();
        doThrow(new IllegalStateException("secret")).when(accountStore).find(any());

        Reply reply = graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + token, "X-Request-Id", "chosen-by-client");

        String correlationId = (String) extensions(singleError(reply)).get("correlationId");
        assertThat(reply.response().headers().firstValue("X-Request-Id")).hasValue(correlationId);
        assertThat(correlationId).isNotEqualTo("chosen-by-client");
        assertThat(output.getOut()).contains("[correlationId=" + correlationId + "]");
        // every response has one, so a caller can quote it for any request
        String other = graphql("{ specialties { code } }", Map.of()).response().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(other).toString()).isEqualTo(other).isNotEqualTo(correlationId);
    }

    // --- malformed HTTP requests ----------------------------------------------------------------

    @Test
    void aMalformedJsonBodyIsA4xxWithoutInternals() throws Exception {
        Reply reply = post("/graphql", "{\"query\": \"{ specialties { code } \"", "Content-Type", "application/json");

        assertThat(reply.status()).isBetween(400, 499);
        assertNoInternals(reply.body());
        assertThat(extensions(singleError(reply))).containsEntry("code", "MALFORMED_REQUEST");
    }

    @Test
    void otherMalformedRequestsAre4xxWithoutInternals() throws Exception {
        List<String> bodies = List.of(
                "",
                "[]",
                "\"just a string\"",
                "{}",
                "{\"query\": \"{ specialties { code } }\", \"variables\": \"not an object\"}",
                "{\"query\": \"{ specialties { code } }\", \"extensions\": [1]}");
        for (String body : bodies) {
            Reply reply = post("/graphql", body, "Content-Type", "application/json");
            assertThat(reply.status()).as("status for body %s", body).isBetween(400, 499);
            assertNoInternals(reply.body());
            assertThat(extensions(singleError(reply))).as("body %s", body).containsKey("code");
        }

        // A number is not a document: the request is not a well-formed GraphQL request (once, Jackson
        // turned it into the string "42" and graphql-java answered GRAPHQL_PARSE_FAILED with 200).
        Reply numericQuery = post("/graphql", "{\"query\": 42}", "Content-Type", "application/json");
        assertThat(numericQuery.status()).isEqualTo(400);
        assertThat(extensions(singleError(numericQuery))).containsEntry("code", "MALFORMED_REQUEST");
        assertThat(numericQuery.json()).containsOnlyKeys("errors");
        assertNoInternals(numericQuery.body());

        // A document that does not parse is a GraphQL error: 200 under the legacy application/json.
        Reply unparsable = post("/graphql", "{\"query\": \"42\"}", "Content-Type", "application/json");
        assertThat(unparsable.status()).isEqualTo(200);
        assertThat(extensions(singleError(unparsable))).containsEntry("code", "GRAPHQL_PARSE_FAILED");

        Reply wrongType = post("/graphql", "{ specialties { code } }", "Content-Type", "text/plain");
        assertThat(wrongType.status()).isBetween(400, 499);
        assertNoInternals(wrongType.body());
        assertThat(extensions(singleError(wrongType))).containsEntry("code", "MALFORMED_REQUEST");
    }

    @Test
    void anyAcceptHeaderThatRoutesToServerSentEventsIsRefusedAndOnesThatRouteToJsonAreServed() throws Exception {
        String query = "{\"query\": \"{ specialties { code } }\"}";
        for (String sse : List.of("text/event-stream", "text/*")) {
            Reply reply = post("/graphql", query, "Content-Type", "application/json", "Accept", sse);
            assertThat(reply.status()).as(sse).isEqualTo(406);
            assertThat(extensions(singleError(reply))).as(sse).containsEntry("code", "MALFORMED_REQUEST");
        }
        for (String json : List.of("application/graphql-response+json, text/event-stream", "text/event-stream, */*", "*/*")) {
            Reply reply = post("/graphql", query, "Content-Type", "application/json", "Accept", json);
            assertThat(reply.status()).as(json).isEqualTo(200);
            assertThat(reply.body()).as(json).contains("CARDIOLOGIA");
        }
    }

    @Test
    void serverSentEventsAreRefusedWithACode() throws Exception {
        Reply reply = post("/graphql", "{\"query\": \"subscription { sessionEnded { reason } }\"}",
                "Content-Type", "application/json", "Accept", "text/event-stream");

        assertThat(reply.status()).isEqualTo(406);
        assertNoInternals(reply.body());
        assertThat(extensions(singleError(reply))).containsEntry("code", "MALFORMED_REQUEST");
    }

    // --- GraphQL request errors -----------------------------------------------------------------

    @Test
    void invalidSyntaxIsParseFailed() throws Exception {
        Reply reply = graphql("{ specialties { code }", Map.of());

        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "GRAPHQL_PARSE_FAILED");
        assertNoInternals(reply.body());
        assertThat(reply.json().get("data")).isNull();
    }

    @Test
    void anUnknownFieldIsValidationFailed() throws Exception {
        Reply reply = graphql("{ specialties { code colour } }", Map.of());

        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat((String) error.get("message")).contains("colour").contains("Specialty");
        assertNoInternals(reply.body());
        assertThat(reply.json().get("data")).isNull();
    }

    @Test
    void aVariableOfTheWrongTypeIsValidationFailed() throws Exception {
        Map<String, Object> input = new HashMap<>(Api.newPatient());
        input.put("birthDate", "1990-13-45");

        Reply reply = graphql("mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { email } }",
                Map.of("input", input));

        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat((String) error.get("message")).contains("input");
        assertNoInternals(reply.body());
        assertThat(reply.json().get("data")).isNull();
    }

    @Test
    void aMissingRequiredVariableIsValidationFailed() throws Exception {
        Reply reply = graphql("mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { email } }",
                Map.of());

        assertThat(extensions(singleError(reply))).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertNoInternals(reply.body());
    }

    @Test
    void everyErrorOfASeveralErrorResponseHasACode() throws Exception {
        Reply reply = graphql("{ specialties { colour } nothing }", Map.of());

        List<Map<String, Object>> errors = errors(reply);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(error -> assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED"));
        assertNoInternals(reply.body());
    }

    @Test
    void anOperationNameThatNamesNoOperationIsValidationFailed() throws Exception {
        // graphql-java reports this one with null locations, which once made the error mapping fail with a 500.
        Reply reply = post("/graphql", "{\"query\":\"{ specialties { code } }\",\"operationName\":\"Nope\"}",
                "Content-Type", "application/json", "Accept", "application/graphql-response+json, application/json");

        assertThat(reply.status()).isBetween(200, 499);
        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat((String) error.get("message")).contains("Nope");
        assertThat(reply.json().get("data")).isNull();
        assertNoInternals(reply.body());
    }

    @Test
    void twoAnonymousOperationsAreValidationFailed() throws Exception {
        Reply reply = graphql("{ specialties { code } } { specialties { name } }", Map.of());

        assertThat(reply.status()).isBetween(200, 499);
        assertThat(errors(reply)).isNotEmpty()
                .allSatisfy(error -> assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED"));
        assertThat(reply.json().get("data")).isNull();
        assertNoInternals(reply.body());
    }

    @Test
    void aSubscriptionOverHttpIsMalformedRequestWithoutData() throws Exception {
        String subscription = "subscription { sessionEnded { reason } }";
        List<Reply> replies = List.of(
                graphql(subscription, Map.of()),
                graphql(subscription, Map.of(), "Authorization", "Bearer " + accessToken()),
                post("/graphql", JSON.writeValueAsString(Map.of("query", subscription)),
                        "Content-Type", "application/json", "Accept", "application/json"));

        for (Reply reply : replies) {
            assertThat(reply.status()).isBetween(200, 499);
            Map<String, Object> error = singleError(reply);
            assertThat(error.get("message")).isEqualTo("Subscriptions need a WebSocket connection (graphql-ws at /graphql).");
            assertThat(extensions(error)).containsEntry("code", "MALFORMED_REQUEST");
            assertThat(reply.json().get("data")).isNull();
            assertThat(reply.body()).doesNotContain("upstreamPublisher", "prefetch", "scanAvailable");
            assertNoInternals(reply.body());
        }
    }

    @Test
    void aDateThatDoesNotExistIsRefusedAsAVariable() throws Exception {
        Map<String, Object> input = new HashMap<>(Api.newPatient());
        input.put("birthDate", "1990-02-30");

        Reply reply = graphql(document("registerPatient"), Map.of("input", input));

        assertRefusedAsNoSuchDate(reply);
    }

    @Test
    void aDateThatDoesNotExistIsRefusedAsALiteral() throws Exception {
        Map<String, Object> input = new HashMap<>(Api.newPatient());
        input.put("birthDate", "1990-02-30");

        Reply reply = graphql("mutation registerPatient { registerPatient(input: " + literal(input) + ") { email } }",
                Map.of());

        assertRefusedAsNoSuchDate(reply);
    }

    private static void assertRefusedAsNoSuchDate(Reply reply) {
        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat((String) error.get("message")).contains("1990-02-30", "YYYY-MM-DD");
        assertThat(reply.json().get("data")).isNull();
        assertNoInternals(reply.body());
    }

    @Test
    void aLeapDayIsADate() throws Exception {
        Map<String, Object> asVariable = new HashMap<>(Api.newPatient());
        asVariable.put("birthDate", "1992-02-29");
        Map<String, Object> asLiteral = new HashMap<>(Api.newPatient());
        asLiteral.put("birthDate", "1992-02-29");

        Map<String, Object> registered = api.registerPatient(asVariable);
        Reply literalReply = graphql("mutation registerPatient { registerPatient(input: " + literal(asLiteral)
                + ") { email } }", Map.of());

        assertThat(((Map<?, ?>) registered.get("account")).get("birthDate")).isEqualTo("1992-02-29");
        assertThat(literalReply.json()).doesNotContainKey("errors");
        // the password opens no session until the e-mail is verified: the code e-mailed, with the password
        String email = (String) asLiteral.get("email");
        api.mailbox().await(email, Api.VERIFICATION_SUBJECT);
        String code = api.mailbox().code(email, Api.VERIFICATION_SUBJECT);
        String token = api.document("verifyEmailAndLogin").variable("email", email).variable("code", code).variable("password", Api.PASSWORD)
                .execute().path("verifyEmailAndLogin.accessToken").entity(String.class).get();
        api.as(token).document("me").execute().path("me.birthDate").entity(String.class).isEqualTo("1992-02-29");
    }

    // --- query limits over HTTP ------------------------------------------------------------------

    @Test
    void threeHundredFieldsRun() throws Exception {
        Reply reply = graphql(specialtiesAliases(150), Map.of()); // 150 x (specialties + code)

        assertThat(reply.json()).doesNotContainKey("errors");
        assertThat((Map<?, ?>) reply.json().get("data")).hasSize(150);
    }

    @Test
    void moreThanThreeHundredFieldsAreRefusedWithoutData() throws Exception {
        Reply reply = graphql(specialtiesAliases(151), Map.of()); // 302 fields

        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "QUERY_TOO_COMPLEX");
        assertThat((String) error.get("message")).contains("302");
        assertThat(reply.json().get("data")).isNull();
        assertNoInternals(reply.body());
    }

    @Test
    void moreThanThreeHundredFieldsWrittenWithARepeatedFragmentAreRefused() throws Exception {
        String query = "{ " + IntStream.rangeClosed(1, 151).mapToObj(i -> "s" + i + ": specialties { ...c }")
                .collect(Collectors.joining(" ")) + " } fragment c on Specialty { code }";

        Reply reply = graphql(query, Map.of());

        assertThat(extensions(singleError(reply))).containsEntry("code", "QUERY_TOO_COMPLEX");
        assertThat(reply.json().get("data")).isNull();
    }

    @Test
    void theAnonymousFragmentSpreadBombIsRefusedAsTooComplex() throws Exception {
        // The attack run's 739-byte document: { ...F8 }, each F(i) spreading F(i-1) ten times, F0 a
        // __typename: 10^8 selections once expanded. It used to hold a core for seconds to minutes.
        StringBuilder bomb = new StringBuilder("{ ...F8 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 8; i++) {
            bomb.append(" fragment F").append(i).append(" on Query {").append((" ...F" + (i - 1)).repeat(10)).append(" }");
        }

        Reply reply = graphql(bomb.toString(), Map.of());

        Map<String, Object> error = singleError(reply);
        assertThat(extensions(error)).containsEntry("code", "QUERY_TOO_COMPLEX");
        assertThat(reply.json().get("data")).isNull();
        assertNoInternals(reply.body());
    }

    @Test
    void introspectionCountsAgainstTheDepthLimit() throws Exception {
        String deep = "{ __type(name: \"Query\") { fields { type { " + "ofType { ".repeat(13) + "name"
                + " }".repeat(13) + " } } } }";

        Reply reply = graphql(deep, Map.of());

        assertThat(extensions(singleError(reply))).containsEntry("code", "QUERY_TOO_DEEP");
    }

    @Test
    void graphiqlCanLoadTheSchemaWithTheStandardIntrospectionQuery() throws Exception {
        Reply reply = graphql(IntrospectionQuery.INTROSPECTION_QUERY, Map.of());

        assertThat(reply.json()).doesNotContainKey("errors");
        assertThat(reply.json().get("data").toString()).contains("RegisterPatientInput");
    }

    // --- bad access tokens ------------------------------------------------------------------------

    @Test
    void aBadAccessTokenIsRefusedWith401AndAGraphQlShapedBody() throws Exception {
        Reply reply = graphql("{ specialties { code } }", Map.of(), "Authorization", "Bearer not.a.token");

        assertUnauthenticated401(reply);
    }

    @Test
    void aTokenInTheUrlIsIgnored() throws Exception {
        String token = accessToken();

        Reply reply = post("/graphql?access_token=" + token, JSON.writeValueAsString(Map.of("query", "{ me { id } }")),
                "Content-Type", "application/json", "Accept", "application/json");

        assertThat(extensions(singleError(reply))).containsEntry("code", "UNAUTHENTICATED");
        assertThat(reply.json().get("data")).isNull();
        // The same token in the header works: the refusal above is about where it was sent.
        Reply withHeader = graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + token);
        assertThat(withHeader.json()).doesNotContainKey("errors");
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() throws Exception {
        String[] parts = accessToken().split("\\.");
        String kid = (String) JSON.readValue(base64UrlDecode(parts[0]), Map.class).get("kid");

        String none = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
        String noneWithKid = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";

        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + none));
        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + noneWithKid));
        // and with the original signature left on
        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + none + parts[2]));
    }

    @Test
    void aTokenWithAChangedPayloadIsRefused() throws Exception {
        String token = accessToken();
        String[] parts = token.split("\\.");

        int i = parts[1].length() / 2;
        char changed = parts[1].charAt(i) == 'A' ? 'B' : 'A';
        String oneCharacter = parts[0] + "." + parts[1].substring(0, i) + changed + parts[1].substring(i + 1) + "." + parts[2];
        String asDoctor = parts[0] + "." + base64Url(base64UrlDecode(parts[1]).replace("\"PATIENT\"", "\"DOCTOR\"")) + "." + parts[2];

        assertThat(base64UrlDecode(parts[1])).contains("\"PATIENT\"");
        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + oneCharacter));
        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + asDoctor));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEvenWithOurKid() throws Exception {
        String[] parts = accessToken().split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> header = JSON.readValue(base64UrlDecode(parts[0]), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = JSON.readValue(base64UrlDecode(parts[1]), Map.class);
        KeyPair attacker = Jwts.SIG.ES256.keyPair().build();

        String forged = Jwts.builder().header().type("at+jwt").keyId((String) header.get("kid")).and()
                .claims().add(claims).and()
                .signWith(attacker.getPrivate(), Jwts.SIG.ES256).compact();

        // A well-formed ES256 token with our kid and claims; only the key is wrong.
        assertThat(Jwts.parser().verifyWith(attacker.getPublic()).build().parseSignedClaims(forged).getPayload().getSubject())
                .isEqualTo(claims.get("sub"));
        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + forged));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        String[] parts = accessToken().split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> header = new LinkedHashMap<>(JSON.readValue(base64UrlDecode(parts[0]), Map.class));
        header.put("alg", "HS256");
        PublicKey publicKey = (PublicKey) onlyKey(Jwks.setParser().build().parse(jwks.json())).toKey();
        String signingInput = base64Url(JSON.writeValueAsString(header)) + "." + parts[1];
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertUnauthenticated401(graphql("{ me { id } }", Map.of(), "Authorization", "Bearer " + signingInput + "." + signature));
    }

    // --- JWKS -----------------------------------------------------------------------------------

    @Test
    void theJwksPublishesOneP256KeyThatVerifiesIssuedTokens() throws Exception {
        Reply reply = get("/.well-known/jwks.json");
        String token = accessToken();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JwkSet set = Jwks.setParser().build().parse(reply.body());
        Jwk<?> jwk = onlyKey(set);
        assertThat(jwk).isInstanceOf(EcPublicJwk.class);
        assertThat(jwk.get("crv")).isEqualTo("P-256");
        assertThat(jwk.getId()).isNotBlank();
        assertThat(reply.body()).doesNotContain("\"d\""); // no private key material

        Jws<Claims> verified = Jwts.parser().verifyWith((PublicKey) jwk.toKey()).build().parseSignedClaims(token);

        assertThat(verified.getHeader().getKeyId()).isEqualTo(jwk.getId());
        assertThat(verified.getHeader().getAlgorithm()).isEqualTo("ES256");
        assertThat(verified.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(verified.getPayload().get("role", String.class)).isEqualTo("PATIENT");
    }

    // --- helpers --------------------------------------------------------------------------------

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(response.body(), Map.class);
        }
    }

    private String accessToken() {
        return (String) api.registerPatient(Api.newPatient()).get("accessToken");
    }

    private Reply graphql(String query, Map<String, Object> variables, String... headers) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        String[] all = new String[headers.length + 4];
        all[0] = "Content-Type";
        all[1] = "application/json";
        all[2] = "Accept";
        all[3] = "application/graphql-response+json, application/json";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return post("/graphql", body, all);
    }

    private Reply post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return new Reply(HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A document from {@code src/test/resources/graphql-test}, as {@code documentName(name)} would load it. */
    private static String document(String name) throws IOException {
        try (var in = ErrorPathApiTest.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            assertThat(in).as("document %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An input object written inline in the document, e.g. {@code {name: "Ana", birthDate: "1990-05-17"}}. */
    private static String literal(Map<String, Object> input) {
        return input.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + JSON.writeValueAsString(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static void assertUnauthenticated401(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        // the media type asked for first (graphql-response+json), so a client reads the code whatever the status
        assertThat(reply.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/graphql-response+json"));
        Map<String, Object> error = singleError(reply);
        assertThat((String) error.get("message")).isNotBlank();
        assertThat(extensions(error)).containsEntry("code", "UNAUTHENTICATED");
        assertThat(reply.json()).containsOnlyKeys("errors");
        assertNoInternals(reply.body());
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain(INTERNALS);
        // a package-qualified Java name such as org.foo.Bar
        assertThat(body).doesNotContainPattern("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$]*\\b");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Reply reply) {
        Object errors = reply.json().get("errors");
        assertThat(errors).as("errors in %s", reply.body()).isInstanceOf(List.class);
        return (List<Map<String, Object>>) errors;
    }

    private static Map<String, Object> singleError(Reply reply) {
        List<Map<String, Object>> errors = errors(reply);
        assertThat(errors).as("errors in %s", reply.body()).hasSize(1);
        return errors.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        assertThat(extensions).as("extensions of %s", error).isInstanceOf(Map.class);
        return (Map<String, Object>) extensions;
    }

    private static Jwk<?> onlyKey(JwkSet set) {
        assertThat(set.getKeys()).hasSize(1);
        return set.getKeys().iterator().next();
    }

    private static String specialtiesAliases(int count) {
        return "{ " + IntStream.rangeClosed(1, count).mapToObj(i -> "s" + i + ": specialties { code }")
                .collect(Collectors.joining(" ")) + " }";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64UrlDecode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
