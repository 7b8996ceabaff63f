package br.com.healthmed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Which environments may create the demo accounts, whose password the README publishes. */
class LocalRunTest {

    private static final String ELASTICACHE = "master.healthmed.abc123.sae1.cache.amazonaws.com";

    private static MockEnvironment loopback() {
        return new MockEnvironment().withProperty("server.address", "127.0.0.1");
    }

    private static MockEnvironment loopbackOnRedis() {
        return loopback().withProperty("healthmed.events", "redis");
    }

    @Test
    void aLoopbackOnlyServiceOnEmbeddedAdaptersMayHaveDemoData() {
        assertThat(LocalRun.notLocalBecause(loopback())).isEmpty();
        for (String address : new String[] {"localhost", "::1", "[::1]", "127.0.0.2"}) {
            assertThat(LocalRun.notLocalBecause(new MockEnvironment().withProperty("server.address", address))).as(address).isEmpty();
        }
    }

    @Test
    void aServiceReachableFromTheNetworkMayNot() {
        assertThat(LocalRun.notLocalBecause(new MockEnvironment())).hasValueSatisfying(why -> assertThat(why).contains("every network interface"));
        for (String address : new String[] {"0.0.0.0", "::", "10.0.3.7", "203.0.113.5", "localhost.example.com", "api.healthmed.com.br"}) {
            assertThat(LocalRun.notLocalBecause(new MockEnvironment().withProperty("server.address", address))).as(address)
                    .hasValueSatisfying(why -> assertThat(why).contains(address));
        }
    }

    @Test
    void anAdapterPointedAtAwsRefusesItEvenOnLoopback() {
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.storage", "dynamodb")))
                .hasValueSatisfying(why -> assertThat(why).contains("healthmed.storage=dynamodb"));
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.blob-store", "s3"))).isPresent();
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.geocoder", "amazon-location"))).isPresent();
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.events", "redis")
                .withProperty("spring.data.redis.host", "master.healthmed.abc123.sae1.cache.amazonaws.com"))).isPresent();
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.storage", "dynamodb")
                .withProperty("healthmed.dynamodb.endpoint", "https://dynamodb.sa-east-1.amazonaws.com"))).isPresent();
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.notifications.mailer", "ses")))
                .hasValueSatisfying(why -> assertThat(why).contains("healthmed.notifications.mailer=ses"));
    }

    @Test
    void redisNamedByUrlOrNodesOnAnotherMachineRefusesItThoughTheHostIsLeftAtLocalhost() {
        Map<String, String> settings = Map.of(
                "spring.data.redis.url", "rediss://:s3cret@" + ELASTICACHE + ":6379",
                "spring.data.redis.cluster.nodes", "127.0.0.1:7000," + ELASTICACHE + ":6379",
                "spring.data.redis.sentinel.nodes", ELASTICACHE + ":26379",
                "spring.data.redis.masterreplica.nodes", ELASTICACHE + ":6379");
        settings.forEach((name, value) -> assertThat(LocalRun.notLocalBecause(loopbackOnRedis().withProperty(name, value))).as(name)
                .hasValueSatisfying(why -> assertThat(why).contains("healthmed.events=redis", name).doesNotContain("s3cret")));
        // an indexed list, as an environment variable gives it
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "SERVER_ADDRESS", "127.0.0.1", "HEALTHMED_EVENTS", "redis", "SPRING_DATA_REDIS_CLUSTER_NODES_0_", ELASTICACHE + ":6379")));
        assertThat(LocalRun.notLocalBecause(environment)).hasValueSatisfying(why -> assertThat(why).contains("spring.data.redis.cluster.nodes"));
    }

    @Test
    void enginesOnThisMachineCountAsLocal() {
        // the README's "run against dynalite" command, s3proxy, a Redis on the developer's machine
        assertThat(LocalRun.notLocalBecause(loopback()
                .withProperty("healthmed.storage", "dynamodb").withProperty("healthmed.dynamodb.endpoint", "http://127.0.0.1:8000")
                .withProperty("healthmed.blob-store", "s3").withProperty("healthmed.s3.endpoint", "http://localhost:9000")
                .withProperty("healthmed.events", "redis").withProperty("spring.data.redis.host", "127.0.0.1"))).isEmpty();
        // Spring Boot's Redis host when none is set
        assertThat(LocalRun.notLocalBecause(loopbackOnRedis())).isEmpty();
        assertThat(LocalRun.notLocalBecause(loopbackOnRedis().withProperty("spring.data.redis.url", "redis://:s3cret@127.0.0.1:6379")
                .withProperty("spring.data.redis.cluster.nodes", "127.0.0.1:7000,localhost:7001,[::1]:7002"))).isEmpty();
        // a local SES-compatible engine (aws-ses-v2-local)
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.notifications.mailer", "ses")
                .withProperty("healthmed.notifications.ses.endpoint", "http://127.0.0.1:8005"))).isEmpty();
    }
}
