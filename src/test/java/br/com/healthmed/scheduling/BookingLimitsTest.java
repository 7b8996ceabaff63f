package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.ratelimit.InMemoryRateCounters;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each booking limit with its default, on its own. */
class BookingLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-03-15T09:00:00Z"));
    private final BookingLimits limits = new BookingLimits(new InMemoryRateCounters(clock),
            new BookingLimitsProperties(10, 60, 240, 10, Duration.ofHours(1), 3, 6, 2, Duration.ofHours(24), "test-key", Duration.ofHours(1)),
            clock);

    private final AccountId patient = AccountId.random();

    @Test
    void anAccountMakesTenRequestsAnHourWhateverItsOrigin() {
        for (int i = 0; i < 10; i++) {
            limits.acquire(AppointmentId.random(), patient, AccountId.random(), BookingOrigin.UNKNOWN);
        }

        DomainException refused = refusal(patient, AccountId.random(), BookingOrigin.UNKNOWN);
        assertThat(refused.extensions()).containsEntry("limit", "PER_ACCOUNT").containsEntry("retryAfterSeconds", 3600L);

        clock.advance(Duration.ofHours(1));
        assertThatCode(() -> limits.acquire(AppointmentId.random(), patient, AccountId.random(), BookingOrigin.UNKNOWN)).doesNotThrowAnyException();
    }

    @Test
    void aNetworkMakesSixtyRequestsAnHourAcrossAccountsAndDoctors() {
        for (int i = 0; i < 60; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), AccountId.random(), origin("net", "device-" + i));
        }

        assertThat(refusal(AccountId.random(), AccountId.random(), origin("net", "another-device")).extensions())
                .containsEntry("limit", "PER_NETWORK");
        assertThatCode(() -> limits.acquire(AppointmentId.random(), AccountId.random(), AccountId.random(), origin("other-net", "another-device")))
                .doesNotThrowAnyException();
    }

    @Test
    void aDeviceMakesTenRequestsAnHourAcrossAccountsAndNetworks() {
        for (int i = 0; i < 10; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), AccountId.random(), origin("net-" + i, "phone"));
        }

        assertThat(refusal(AccountId.random(), AccountId.random(), origin("net-x", "phone")).extensions())
                .containsEntry("limit", "PER_DEVICE");
    }

    @Test
    void oneDoctorGetsThreeRequestsADayFromOneNetworkAndTwoFromOneDevice() {
        AccountId doctor = AccountId.random();
        for (int i = 0; i < 3; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net", "device-" + i));
        }
        assertThat(refusal(AccountId.random(), doctor, origin("net", "device-x")).extensions())
                .containsEntry("limit", "PER_NETWORK_PER_DOCTOR").containsEntry("retryAfterSeconds", 86_400L);

        for (int i = 0; i < 2; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net-" + i, "tablet"));
        }
        assertThat(refusal(AccountId.random(), doctor, origin("net-y", "tablet")).extensions())
                .containsEntry("limit", "PER_DEVICE_PER_DOCTOR");
    }

    @Test
    void anIpv6SlashFortyEightMakesSixRequestsADayToOneDoctorAndTwoHundredFortyAnHourWhicheverSixtyFourTheyComeFrom() {
        AccountId doctor = AccountId.random();
        for (int i = 0; i < 6; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), doctor, wideOrigin("wide", "net-" + i, "device-" + i));
        }
        assertThat(refusal(AccountId.random(), doctor, wideOrigin("wide", "net-x", "device-x")).extensions())
                .containsEntry("limit", "PER_WIDE_NETWORK_PER_DOCTOR");

        for (int i = 6; i < 240; i++) {
            limits.acquire(AppointmentId.random(), AccountId.random(), AccountId.random(), wideOrigin("wide", "net-" + i, "device-" + i));
        }
        assertThat(refusal(AccountId.random(), AccountId.random(), wideOrigin("wide", "net-y", "device-y")).extensions())
                .containsEntry("limit", "PER_WIDE_NETWORK");
        assertThatCode(() -> limits.acquire(AppointmentId.random(), AccountId.random(), AccountId.random(),
                wideOrigin("other-wide", "net-z", "device-z"))).doesNotThrowAnyException();
    }

    @Test
    void aRefusalCountsNothingAndAPermitGivenBackCountsNoMore() {
        AccountId doctor = AccountId.random();
        limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net", "a"));
        limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net", "b"));
        BookingLimits.Permit third = limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net", "c"));
        AccountId refusedPatient = AccountId.random();
        for (int i = 0; i < 20; i++) {
            refusal(refusedPatient, doctor, origin("net", "d")); // refused per network and doctor: its account counts nothing
        }
        assertThatCode(() -> limits.acquire(AppointmentId.random(), refusedPatient, AccountId.random(), BookingOrigin.UNKNOWN)).doesNotThrowAnyException();

        third.giveBack();

        assertThatCode(() -> limits.acquire(AppointmentId.random(), AccountId.random(), doctor, origin("net", "e"))).doesNotThrowAnyException();
    }

    @Test
    void copiesOfOneRequestCountOnce() {
        AppointmentId request = AppointmentId.random();
        for (int i = 0; i < 20; i++) {
            limits.acquire(request, patient, AccountId.random(), BookingOrigin.UNKNOWN);
        }

        for (int i = 0; i < 9; i++) {
            limits.acquire(AppointmentId.random(), patient, AccountId.random(), BookingOrigin.UNKNOWN);
        }
        assertThat(refusal(patient, AccountId.random(), BookingOrigin.UNKNOWN).extensions()).containsEntry("limit", "PER_ACCOUNT");
    }

    private DomainException refusal(AccountId patient, AccountId doctor, BookingOrigin origin) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> limits.acquire(AppointmentId.random(), patient, doctor, origin));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(PlatformErrors.RATE_LIMITED);
        return refused;
    }

    private static BookingOrigin wideOrigin(String wideNetwork, String network, String device) {
        return new BookingOrigin(Optional.of(network), Optional.of(wideNetwork), Optional.of(device));
    }

    private static BookingOrigin origin(String network, String device) {
        return new BookingOrigin(Optional.of(network), Optional.of(device));
    }
}
