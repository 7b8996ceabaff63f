package br.com.healthmed.platform.graphql.connection;

/** An {@code XEdge}: a node and the cursor of its position. Fields a list keeps on its edges resolve from {@code node}. */
public record Edge<N>(String cursor, N node) {}
