package br.com.healthmed.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Whether this process is a developer's local run: a service that listens on loopback only
 * ({@code server.address} 127.0.0.1, ::1 or localhost: the {@code local} profile's setting) and whose
 * every adapter is an embedded one or talks to an engine on this machine (dynalite, s3proxy, a local
 * Redis). Anywhere else — the jar started in a container or on a server without a profile, a profile
 * pointed at AWS — is treated as reachable by others. Settings that are only safe where nobody else
 * can connect are refused outside a local run: the demo accounts, whose password is published in the
 * README, and the published development keys (e.g. the booking origin key).
 *
 * <p>Settings are read as Spring Boot binds them (environment variables, comma-separated or indexed
 * lists). An AWS client goes to its endpoint override when one is set, whatever its region or the
 * SDK's own {@code AWS_ENDPOINT_URL*} settings; without one it goes to AWS and the rule refuses, so
 * neither the region nor those SDK settings can make a remote engine look local. Redis can be named
 * five ways; each one that is set must be loopback, whichever of them Spring Boot would use.
 */
public final class LocalRun {

    /** An adapter choice: the property and its default, the value that means "embedded", and where its engine is otherwise. */
    private record Adapter(String property, String defaultValue, String embedded, Engine engine) {}

    /** Where an adapter's engine is, as configured. */
    @FunctionalInterface
    private interface Engine {
        /** Why the engine is not (or may not be) on this machine; empty when every setting naming it is loopback. */
        Optional<String> notLocal(Binder settings);
    }

    /** Spring Boot's Redis settings that name hosts: {@code host:port} lists (sentinel, cluster, master/replica). */
    private static final List<String> REDIS_NODE_LISTS = List.of(
            "spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes", "spring.data.redis.masterreplica.nodes");

    private static final List<Adapter> ADAPTERS = List.of(
            new Adapter("healthmed.storage", "memory", "memory", awsEndpoint("healthmed.dynamodb.endpoint")),
            new Adapter("healthmed.blob-store", "local", "local", awsEndpoint("healthmed.s3.endpoint")),
            new Adapter("healthmed.geocoder", "none", "none", awsEndpoint("healthmed.location.endpoint")),
            new Adapter("healthmed.notifications.mailer", "memory", "memory", awsEndpoint("healthmed.notifications.ses.endpoint")),
            new Adapter("healthmed.events", "memory", "memory", LocalRun::redisNotLocal));

    private LocalRun() {}

    /** Why this environment is not a local run; empty when it is. */
    public static Optional<String> notLocalBecause(Environment environment) {
        Binder settings = Binder.get(environment);
        String address = string(settings, "server.address", "");
        if (!isLoopback(address)) {
            return Optional.of("the service listens on " + (address.isEmpty() ? "every network interface" : address)
                    + ", not on loopback only (server.address=127.0.0.1)");
        }
        for (Adapter adapter : ADAPTERS) {
            String choice = string(settings, adapter.property(), adapter.defaultValue()).toLowerCase(Locale.ROOT);
            if (choice.equals(adapter.embedded())) {
                continue;
            }
            Optional<String> notLocal = adapter.engine().notLocal(settings);
            if (notLocal.isPresent()) {
                return Optional.of(adapter.property() + "=" + choice + " is not on this machine (" + notLocal.get() + ")");
            }
        }
        return Optional.empty();
    }

    /** An AWS service's endpoint override: unset means AWS itself. */
    private static Engine awsEndpoint(String property) {
        return settings -> {
            String endpoint = string(settings, property, "");
            if (endpoint.isEmpty()) {
                return Optional.of(property + " is not set: AWS itself");
            }
            return isLoopbackEndpoint(endpoint) ? Optional.empty() : Optional.of(property + " is not a loopback address");
        };
    }

    /**
     * Every Redis setting that is set must name loopback: the URL (which outranks the host), the
     * sentinel, cluster and master/replica nodes (each of which outranks both), and the host, which
     * defaults to localhost. Values are not quoted back: a URL may hold the password.
     */
    private static Optional<String> redisNotLocal(Binder settings) {
        String url = string(settings, "spring.data.redis.url", "");
        if (!url.isEmpty() && !isLoopbackEndpoint(url)) {
            return Optional.of("spring.data.redis.url is not a loopback address");
        }
        for (String list : REDIS_NODE_LISTS) {
            List<String> nodes = settings.bind(list, Bindable.listOf(String.class)).orElse(List.of());
            if (!nodes.stream().allMatch(node -> isLoopback(hostOfNode(node.trim())))) {
                return Optional.of(list + " names a host that is not a loopback address");
            }
        }
        if (!isLoopback(string(settings, "spring.data.redis.host", "localhost"))) {
            return Optional.of("spring.data.redis.host is not a loopback address");
        }
        return Optional.empty();
    }

    /** The host of a {@code host:port}, {@code [v6]:port} or bare-host node. */
    private static String hostOfNode(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? node : node.substring(0, end + 1);
        }
        int colon = node.lastIndexOf(':');
        return colon < 0 ? node : node.substring(0, colon);
    }

    private static String string(Binder settings, String property, String defaultValue) {
        return settings.bind(property, String.class).map(String::trim).orElse(defaultValue);
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

    /** A URL ({@code http://127.0.0.1:8000}, {@code redis://:secret@localhost:6379}) or bare host whose host is loopback. */
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
