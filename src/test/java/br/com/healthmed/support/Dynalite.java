package br.com.healthmed.support;

import br.com.healthmed.platform.storage.DynamoTable;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * dynalite, the DynamoDB-compatible engine (npm), started once per test JVM on a free loopback port,
 * in memory, and stopped when the JVM exits. Installed into {@code .engines/} with npm if missing
 * (see {@link NpmEngines}).
 * Each test gets its own table, so tests never see each other's items.
 */
public final class Dynalite {

    private static URI endpoint;
    private static DynamoDbClient client;

    private Dynalite() {}

    /** The endpoint of the running engine, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = builder().httpClientBuilder(ApacheHttpClient.builder().maxConnections(256)).build();
        }
        return client;
    }

    /**
     * A client of its own whose every call goes through {@code interceptor}: for tests that play DynamoDB
     * misbehaving (throttling, a lost response). The test closes it.
     */
    public static DynamoDbClient clientWith(ExecutionInterceptor interceptor) {
        return builder().httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }

    private static DynamoDbClientBuilder builder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /** A new, empty table with the production key schema. */
    public static DynamoTable newTable() {
        return new DynamoTable(client(), "test-" + UUID.randomUUID()).createIfMissing();
    }

    private static URI start() {
        return NpmEngines.start("dynalite", List.of("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    }
}
