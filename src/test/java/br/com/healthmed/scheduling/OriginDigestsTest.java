package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.platform.web.ClientDevice;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What is kept of a booking's origin: comparable digests, never the address or device id itself. */
class OriginDigestsTest {

    private final OriginDigests digests = digests("key-one");

    private static OriginDigests digests(String key) {
        return new OriginDigests(properties(key));
    }

    private static BookingLimitsProperties properties(String key) {
        return new BookingLimitsProperties(10, 60, 240, 10, Duration.ofHours(1), 3, 6, 2, Duration.ofHours(24), key, Duration.ofHours(1));
    }

    private static ClientDevice device(String id, String agent) {
        return new ClientDevice(Optional.ofNullable(id), Optional.ofNullable(agent));
    }

    @Test
    void oneAddressGivesOneNetworkDigestThatIsNotTheAddress() {
        BookingOrigin a = digests.of(new ClientAddress("203.0.113.7"), ClientDevice.UNKNOWN);
        BookingOrigin b = digests.of(new ClientAddress("203.0.113.7"), ClientDevice.UNKNOWN);

        assertThat(a.network()).isPresent().isEqualTo(b.network());
        assertThat(a.network().get()).doesNotContain("203").hasSize(32);
        assertThat(digests.of(new ClientAddress("203.0.113.8"), ClientDevice.UNKNOWN).network()).isNotEqualTo(a.network());
    }

    @Test
    void anIpv6SubscriberIsOneNetwork() {
        assertThat(digests.of(new ClientAddress("2001:db8:1:2::1"), ClientDevice.UNKNOWN).network())
                .isEqualTo(digests.of(new ClientAddress("2001:db8:1:2:ffff::9"), ClientDevice.UNKNOWN).network());
    }

    @Test
    void theSixtyFourBlocksOfOneIpv6SlashFortyEightShareOneWideNetwork() {
        BookingOrigin one = digests.of(new ClientAddress("2001:db8:1:2::1"), ClientDevice.UNKNOWN);
        BookingOrigin other = digests.of(new ClientAddress("2001:db8:1:ff02::1"), ClientDevice.UNKNOWN);

        assertThat(one.network()).isNotEqualTo(other.network());
        assertThat(one.wideNetwork()).isPresent().isEqualTo(other.wideNetwork()).isNotEqualTo(one.network());
        assertThat(one.wideNetwork().get()).doesNotContain("2001").hasSize(32);
        assertThat(digests.of(new ClientAddress("2001:db8:2:2::1"), ClientDevice.UNKNOWN).wideNetwork()).isNotEqualTo(one.wideNetwork());
        assertThat(digests.of(new ClientAddress("203.0.113.7"), ClientDevice.UNKNOWN).wideNetwork()).isEmpty();
    }

    @Test
    void theAppsDeviceIdIsTheDeviceWhereverItConnectsFrom() {
        BookingOrigin home = digests.of(new ClientAddress("203.0.113.7"), device("install-1", "App/1.0"));
        BookingOrigin work = digests.of(new ClientAddress("198.51.100.1"), device("install-1", "App/1.0"));

        assertThat(home.device()).isPresent().isEqualTo(work.device());
        assertThat(home.device().get()).doesNotContain("install");
    }

    @Test
    void withoutADeviceIdTheUserAgentOnThatNetworkStandsIn() {
        BookingOrigin chrome = digests.of(new ClientAddress("203.0.113.7"), device(null, "Chrome/130"));

        assertThat(chrome.device()).isPresent()
                .isEqualTo(digests.of(new ClientAddress("203.0.113.7"), device(null, "Chrome/130")).device())
                .isNotEqualTo(digests.of(new ClientAddress("203.0.113.7"), device(null, "Firefox/131")).device())
                .isNotEqualTo(digests.of(new ClientAddress("198.51.100.1"), device(null, "Chrome/130")).device());
    }

    @Test
    void anUnknownAddressAndDeviceGiveNothingToCount() {
        assertThat(digests.of(ClientAddress.UNKNOWN, ClientDevice.UNKNOWN)).isEqualTo(BookingOrigin.UNKNOWN);
        assertThat(digests.of(null, null)).isEqualTo(BookingOrigin.UNKNOWN);
    }

    @Test
    void theDevelopmentKeyIsRefusedInProductionAndWhereverTheServiceIsNotALocalRun() {
        MockEnvironment prod = new MockEnvironment().withProperty("server.address", "127.0.0.1");
        prod.setActiveProfiles("prod");
        MockEnvironment reachable = new MockEnvironment(); // no server.address: every interface

        for (MockEnvironment environment : List.of(prod, reachable)) {
            for (String key : List.of(OriginDigests.DEVELOPMENT_KEY, "")) {
                assertThatThrownBy(() -> new OriginDigests(properties(key), environment))
                        .hasMessageContaining("HEALTHMED_BOOKINGLIMITS_ORIGINKEY").hasMessageContaining("secrets.bookingOriginKey");
            }
        }
        assertThatCode(() -> new OriginDigests(properties("a-secret-of-its-own"), prod)).doesNotThrowAnyException();
        assertThatCode(() -> new OriginDigests(properties(OriginDigests.DEVELOPMENT_KEY),
                new MockEnvironment().withProperty("server.address", "127.0.0.1"))).doesNotThrowAnyException();
    }

    @Test
    void anotherKeyGivesOtherDigests() {
        assertThat(digests("key-two").of(new ClientAddress("203.0.113.7"), ClientDevice.UNKNOWN).network())
                .isNotEqualTo(digests.of(new ClientAddress("203.0.113.7"), ClientDevice.UNKNOWN).network());
    }
}
