package br.com.healthmed.platform;

import java.util.UUID;

/**
 * A typed identifier (an account's, a slot's, ...). Domain records keep their typed ids all the way to
 * the API: the global-id type visitor ({@code platform.graphql.GlobalIdTypeVisitor}) answers any of them
 * as the global id of the object it names (and the legacy {@code UUID} scalar as its UUID).
 */
public interface EntityId {

    UUID value();
}
