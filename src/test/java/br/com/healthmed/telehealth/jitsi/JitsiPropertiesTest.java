package br.com.healthmed.telehealth.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.telehealth.MeetingRooms;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code healthmed.telehealth.jitsi.*}: what start-up accepts and what it refuses. */
class JitsiPropertiesTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef"; // 32 bytes

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JitsiProperties.class)
    @Import(JitsiConfig.class)
    static class Jitsi {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Jitsi.class);

    private static JitsiProperties base(String url) {
        return new JitsiProperties(URI.create(url), null, null);
    }

    @Test
    void byDefaultRoomsAreOnThePublicJitsiWithoutTokens() {
        context.run(started -> {
            assertThat(started).hasSingleBean(MeetingRooms.class);
            JitsiProperties properties = started.getBean(JitsiProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(URI.create("https://meet.jit.si/"));
            assertThat(properties.tokenAuth()).isFalse();
        });
    }

    @Test
    void aSelfHostedJitsiWithTokenAuthIsConfiguredByProperties() {
        context.withPropertyValues("healthmed.telehealth.jitsi.base-url=https://meet.healthmed.com.br",
                        "healthmed.telehealth.jitsi.app-id=healthmed", "healthmed.telehealth.jitsi.app-secret=" + SECRET)
                .run(started -> {
                    JitsiProperties properties = started.getBean(JitsiProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo(URI.create("https://meet.healthmed.com.br/"));
                    assertThat(properties.tokenAuth()).isTrue();
                    assertThat(properties.domain()).isEqualTo("meet.healthmed.com.br");
                    assertThat(properties.toString()).doesNotContain(SECRET);
                });
    }

    @Test
    void startUpFailsOnAnUnsafeBaseUrlOrAShortSecret() {
        context.withPropertyValues("healthmed.telehealth.jitsi.base-url=http://meet.example.com/")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must be https"));
        context.withPropertyValues("healthmed.telehealth.jitsi.app-id=healthmed", "healthmed.telehealth.jitsi.app-secret=short")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void plainHttpIsAllowedOnlyForThisMachine() {
        assertThat(base("http://localhost:8443").baseUrl()).isEqualTo(URI.create("http://localhost:8443/"));
        assertThat(base("http://127.0.0.1:8000/").tokenAuth()).isFalse();
        assertThat(base("http://[::1]:8000/").domain()).isEqualTo("[::1]");

        assertThatThrownBy(() -> base("http://meet.example.com/")).hasMessageContaining("https");
        assertThatThrownBy(() -> base("http://localhost.example.com/")).hasMessageContaining("https");
        assertThatThrownBy(() -> base("http://10.0.0.1/")).hasMessageContaining("https");
        assertThatThrownBy(() -> base("ftp://meet.example.com/")).hasMessageContaining("https");
        assertThatThrownBy(() -> base("meet.jit.si")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> base("https://meet.jit.si/?room=x")).hasMessageContaining("query");
        assertThatThrownBy(() -> base("https://user:pw@meet.jit.si/")).hasMessageContaining("user info");
    }

    @Test
    void appIdAndSecretGoTogetherAndTheSecretHasAtLeast32Bytes() {
        URI https = URI.create("https://meet.healthmed.com.br/");
        assertThat(new JitsiProperties(https, "healthmed", SECRET).tokenAuth()).isTrue();
        assertThat(new JitsiProperties(https, " ", "").tokenAuth()).isFalse();

        assertThatThrownBy(() -> new JitsiProperties(https, "healthmed", null)).hasMessageContaining("go together");
        assertThatThrownBy(() -> new JitsiProperties(https, null, SECRET)).hasMessageContaining("go together");
        assertThatThrownBy(() -> new JitsiProperties(https, "healthmed", SECRET.substring(1))).hasMessageContaining("32 bytes");
        // bytes, not characters: 16 two-byte characters are enough
        assertThat(new JitsiProperties(https, "healthmed", "é".repeat(16)).tokenAuth()).isTrue();
    }
}
