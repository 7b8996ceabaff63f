/**
 * The GraphQL set-up: the HTTP endpoint (POST and GET, status codes, caching), scalars and the fields
 * of Money, error mapping, shapes and messages, query limits and request budgets, the parsed-document
 * cache, persisted queries (Apollo's automatic ones and the trusted-documents mode) and the warm-up;
 * Relay's global ids ({@link br.com.healthmed.platform.graphql.GlobalId}, encoded and decoded at the
 * schema's edge by one type visitor) and {@code node(id:)}, which each module serves for its own types
 * through a {@link br.com.healthmed.platform.graphql.NodeResolver}.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.graphql;
