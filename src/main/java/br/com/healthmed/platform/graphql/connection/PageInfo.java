package br.com.healthmed.platform.graphql.connection;

import org.jspecify.annotations.Nullable;

/** The schema's {@code PageInfo}. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {}
