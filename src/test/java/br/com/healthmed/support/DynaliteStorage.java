package br.com.healthmed.support;

import java.net.URI;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at dynalite, on a table of its own created at start-up. */
public final class DynaliteStorage {

    private DynaliteStorage() {}

    public static void register(DynamicPropertyRegistry registry) {
        registerWithProductionTimeouts(registry, Dynalite.endpoint());
        // dynalite on a busy 2-core test machine is far slower than DynamoDB: production timeouts
        // (1 s per call) would fail races that are correct, so tests allow more, and races of hundreds
        // of clients queue for a connection rather than be shed as SERVICE_BUSY (a request's calls together
        // get as long as they need: src/test/resources/config/application.yml).
        registry.add("healthmed.dynamodb.api-call-timeout", () -> "PT60S");
        registry.add("healthmed.dynamodb.api-call-attempt-timeout", () -> "PT30S");
        registry.add("healthmed.dynamodb.guard.queue-wait", () -> "PT30S");
    }

    /** DynamoDB storage at {@code endpoint} (dynalite, or a proxy in front of it) with the production bounds. */
    public static void registerWithProductionTimeouts(DynamicPropertyRegistry registry, URI endpoint) {
        registry.add("healthmed.storage", () -> "dynamodb");
        registry.add("healthmed.dynamodb.endpoint", endpoint::toString);
        registry.add("healthmed.dynamodb.table-name", () -> "test-" + UUID.randomUUID());
        registry.add("healthmed.dynamodb.create-table", () -> "true");
    }
}
