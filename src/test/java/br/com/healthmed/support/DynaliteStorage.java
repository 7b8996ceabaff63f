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
    }
}
