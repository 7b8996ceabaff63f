package br.com.healthmed.support;

import br.com.healthmed.HealthMedApplication;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service, as two replicas behind a load balancer: two Spring application
 * contexts on two random ports, sharing what replicas share in production — one DynamoDB table (on
 * dynalite), one token signing key, and one Redis ({@link RedisServer}) carrying events between them
 * ({@code healthmed.events=redis}, on a channel prefix of their own).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TwoInstances instances = new TwoInstances();
 * ...
 * Api a = instances.a().api();
 * sockets.connect(instances.b().port(), accessToken);
 * }</pre>
 *
 * Started before the class's first test, closed after its last. {@link #with} adds properties and
 * {@link #withConfiguration} extra configuration classes (e.g. a {@code MutableClock}) to both.
 */
public final class TwoInstances implements BeforeAllCallback, AfterAllCallback {

    /** One running instance. */
    public record Instance(String name, ConfigurableApplicationContext context, int port) {

        /** An anonymous HTTP client of this instance. */
        public Api api() {
            return Api.at(port);
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<Class<?>> configurations = new ArrayList<>();
    private final String channelPrefix = "test-" + UUID.randomUUID() + ":";
    private final Map<String, Object> shared = new LinkedHashMap<>();
    private final List<Instance> later = new ArrayList<>();
    private Instance a;
    private Instance b;

    public TwoInstances with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public TwoInstances withConfiguration(Class<?>... configuration) {
        configurations.addAll(List.of(configuration));
        return this;
    }

    public Instance a() {
        return running(a);
    }

    public Instance b() {
        return running(b);
    }

    /** How many instances are subscribed in Redis to this topic (each counts once, however many clients it has). */
    public long redisSubscribers(String topic) {
        return RedisServer.subscribers(channelPrefix + topic);
    }

    /**
     * One more replica, started now with the same configuration (as a pod the autoscaler adds), and
     * closed with the other two.
     */
    public Instance startAnother(String name) {
        return startAnother(name, Map.of());
    }

    /**
     * One more replica, as {@link #startAnother(String)}, with some properties of its own (e.g. a
     * shorter interval of some background task than the pair's).
     */
    public Instance startAnother(String name, Map<String, ?> ownProperties) {
        running(a);
        Map<String, Object> properties = new LinkedHashMap<>(shared);
        properties.putAll(ownProperties);
        Instance instance = start(name, properties);
        later.add(instance);
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared.clear();
        shared.put("server.port", 0);
        shared.put("healthmed.events", "redis");
        shared.put("healthmed.events.redis.channel-prefix", channelPrefix);
        shared.put("spring.data.redis.host", RedisServer.host());
        shared.put("spring.data.redis.port", RedisServer.port());
        DynaliteStorage.register((name, value) -> shared.put(name, value.get())); // one table for both
        shared.put("healthmed.security.jwt.private-key", newSigningKeyPem());
        shared.put("healthmed.security.jwt.generate-if-missing", false);
        // Every test user books from 127.0.0.1 with one User-Agent: the limits per network and device
        // would treat them as one person. HoardingApiTest tests those limits; .with(...) overrides these.
        shared.put("healthmed.booking-limits.per-network", 100_000);
        shared.put("healthmed.booking-limits.per-device", 100_000);
        shared.put("healthmed.booking-limits.per-network-per-doctor", 100_000);
        shared.put("healthmed.booking-limits.per-device-per-doctor", 100_000);
        shared.putAll(properties);
        a = start("a", shared);
        b = start("b", shared);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        later.forEach(instance -> instance.context().close());
        later.clear();
        for (Instance instance : new Instance[] {b, a}) {
            if (instance != null) {
                instance.context().close();
            }
        }
        a = null;
        b = null;
    }

    private Instance start(String name, Map<String, Object> shared) {
        List<Class<?>> sources = new ArrayList<>(configurations);
        sources.add(0, HealthMedApplication.class);
        // Command-line arguments outrank application.yml, as the environment does in production.
        String[] arguments = shared.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .main(HealthMedApplication.class)
                .registerShutdownHook(false)
                .run(arguments);
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new Instance(name, context, port);
    }

    private static Instance running(Instance instance) {
        if (instance == null) {
            throw new IllegalStateException("TwoInstances runs only within a test class that registers it with "
                    + "@RegisterExtension on a static field");
        }
        return instance;
    }

    /** The replicas' shared ES256 key, as production gets it from a secret. */
    private static String newSigningKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            String base64 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
