/**
 * Relay cursor connections, once for every list of the API: the generic {@link
 * br.com.healthmed.platform.graphql.connection.Connection} shape ({@code edges { cursor node }},
 * {@code pageInfo}), the one opaque cursor codec ({@link
 * br.com.healthmed.platform.graphql.connection.CursorCodec}) and the argument rules ({@link
 * br.com.healthmed.platform.graphql.connection.Pagination}: first/last 1 to 100, default 20, never
 * both). A module keeps only what its cursor holds (its store's position) and how its store reads a
 * page in either direction.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.graphql.connection;
