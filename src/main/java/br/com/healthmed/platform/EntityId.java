package br.com.healthmed.platform;

import java.util.UUID;

/**
 * A typed identifier (an account's, a slot's, ...). The GraphQL {@code UUID} scalar serialises any
 * of them to its UUID, so domain records can keep their typed ids all the way to the API.
 */
public interface EntityId {

    UUID value();
}
