package br.com.healthmed.support;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at dynalite, on a table of its own created at start-up. */
public final class DynaliteStorage {

    private DynaliteStorage() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("healthmed.storage", () -> "dynamodb");
        registry.add("healthmed.dynamodb.endpoint", () -> Dynalite.endpoint().toString());
        registry.add("healthmed.dynamodb.table-name", () -> "test-" + UUID.randomUUID());
        registry.add("healthmed.dynamodb.create-table", () -> "true");
        // dynalite on a busy 2-core test machine is far slower than DynamoDB: production timeouts
        // (5 s per call) would fail races that are correct, so tests allow more.
        registry.add("healthmed.dynamodb.api-call-timeout", () -> "PT60S");
        registry.add("healthmed.dynamodb.api-call-attempt-timeout", () -> "PT30S");
    }
}
