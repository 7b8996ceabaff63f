package br.com.healthmed.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Whether this process is a developer's local run: a service that listens on loopback only
 * ({@code server.address} 127.0.0.1, ::1 or localhost: the {@code local} profile's setting) and whose
 * every adapter is an embedded one or talks to an engine on this machine (dynalite, s3proxy, a local
 * Redis). Anywhere else — the jar started in a container or on a server without a profile, a profile
 * pointed at AWS — is treated as reachable by others. Settings that are only safe where nobody else
 * can connect are refused outside a local run: the demo accounts, whose password is published in the
 * README, and the published development keys (e.g. the booking origin key).
 */
public final class LocalRun {

    /**
     * An adapter choice: the property and its default, the value that means "embedded", and where the
     * engine's address is (with its default: none for AWS services, which then means AWS itself).
     */
    private record Adapter(String property, String defaultValue, String embedded, String endpointProperty, String defaultEndpoint) {}

    private static final List<Adapter> ADAPTERS = List.of(
            new Adapter("healthmed.storage", "memory", "memory", "healthmed.dynamodb.endpoint", ""),
            new Adapter("healthmed.blob-store", "local", "local", "healthmed.s3.endpoint", ""),
            new Adapter("healthmed.geocoder", "none", "none", "healthmed.location.endpoint", ""),
            new Adapter("healthmed.events", "memory", "memory", "spring.data.redis.host", "localhost"));

    private LocalRun() {}

    /** Why this environment is not a local run; empty when it is. */
    public static Optional<String> notLocalBecause(Environment environment) {
        String address = environment.getProperty("server.address", "").trim();
        if (!isLoopback(address)) {
            return Optional.of("the service listens on " + (address.isEmpty() ? "every network interface" : address)
                    + ", not on loopback only (server.address=127.0.0.1)");
        }
        for (Adapter adapter : ADAPTERS) {
            String choice = environment.getProperty(adapter.property(), adapter.defaultValue()).trim().toLowerCase(Locale.ROOT);
            String endpoint = environment.getProperty(adapter.endpointProperty(), adapter.defaultEndpoint());
            if (!choice.equals(adapter.embedded()) && !isLoopbackEndpoint(endpoint)) {
                return Optional.of(adapter.property() + "=" + choice + " is not on this machine ("
                        + adapter.endpointProperty() + " is not a loopback address)");
            }
        }
        return Optional.empty();
    }

    /** A literal loopback address or {@code localhost}; never a DNS lookup of some other name. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (bare.isEmpty() || !(bare.contains(":") || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** A URL ({@code http://127.0.0.1:8000}) or bare host whose host is loopback. */
    private static boolean isLoopbackEndpoint(String endpoint) {
        String value = endpoint.trim();
        if (value.isEmpty()) {
            return false;
        }
        if (!value.contains("://")) {
            return isLoopback(value);
        }
        try {
            String host = URI.create(value).getHost();
            return host != null && isLoopback(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
