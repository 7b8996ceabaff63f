package br.com.healthmed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which environments may create the demo accounts, whose password the README publishes. */
class LocalRunTest {

    private static MockEnvironment loopback() {
        return new MockEnvironment().withProperty("server.address", "127.0.0.1");
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
    }

    @Test
    void enginesOnThisMachineCountAsLocal() {
        // the README's "run against dynalite" command, s3proxy, a Redis on the developer's machine
        assertThat(LocalRun.notLocalBecause(loopback()
                .withProperty("healthmed.storage", "dynamodb").withProperty("healthmed.dynamodb.endpoint", "http://127.0.0.1:8000")
                .withProperty("healthmed.blob-store", "s3").withProperty("healthmed.s3.endpoint", "http://localhost:9000")
                .withProperty("healthmed.events", "redis").withProperty("spring.data.redis.host", "127.0.0.1"))).isEmpty();
        // Spring Boot's Redis host when none is set
        assertThat(LocalRun.notLocalBecause(loopback().withProperty("healthmed.events", "redis"))).isEmpty();
    }
}
