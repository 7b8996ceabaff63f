/**
 * The GraphQL set-up: scalars and the fields of Money, error mapping and shapes, query limits and
 * request budgets, the parsed-document cache, persisted queries (Apollo's automatic ones and the
 * trusted-documents mode) and the warm-up.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.graphql;
