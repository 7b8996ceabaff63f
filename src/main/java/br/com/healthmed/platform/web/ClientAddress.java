package br.com.healthmed.platform.web;

/**
 * The network address a request came from, as the GraphQL context value {@link #CONTEXT_KEY}. Behind
 * the load balancer it is the client's, taken from {@code X-Forwarded-For} by the server's
 * forwarded-headers support ({@code server.forward-headers-strategy}), never from a header a client
 * could forge on a direct connection.
 */
public record ClientAddress(String value) {

    public static final String CONTEXT_KEY = "clientAddress";

    public static final ClientAddress UNKNOWN = new ClientAddress("unknown");
}
