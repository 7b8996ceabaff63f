package br.com.healthmed.platform.web;

/**
 * The network address a request came from, as the GraphQL context value {@link #CONTEXT_KEY}: the
 * connection's peer, or — only when that peer is one of {@link TrustedProxies} (the load balancer) —
 * the client it names in {@code X-Forwarded-For}. The web server applies that rule before any of our
 * code runs ({@link TrustedProxiesConfig}), so HTTP requests and WebSocket handshakes agree, and a
 * header a client forges on a direct connection changes nothing.
 */
public record ClientAddress(String value) {

    public static final String CONTEXT_KEY = "clientAddress";

    public static final ClientAddress UNKNOWN = new ClientAddress("unknown");
}
