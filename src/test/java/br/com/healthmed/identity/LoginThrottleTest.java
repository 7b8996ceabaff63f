package br.com.healthmed.identity;

import br.com.healthmed.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.ratelimit.InMemoryRateCounters;
import br.com.healthmed.platform.ratelimit.Networks;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import br.com.healthmed.support.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on the in-memory counters ({@link RedisLoginThrottleTest}: the same on Redis). */
class LoginThrottleTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    private final LoginClaim ana = LoginClaim.of(Email.parse("ana@example.com", "login"));
    private final LoginClaim bruno = LoginClaim.of(Crm.parse("123456/SP", "crm"));

    private MutableClock clock;
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
        throttle = new LoginThrottle(new LoginThrottle.Limits(5, 50, FIFTEEN_MINUTES, FIFTEEN_MINUTES, 30),
                counters(clock), clock);
    }

    /** The counters the throttle keeps its counts in. */
    protected RateCounters counters(MutableClock clock) {
        return new InMemoryRateCounters(clock);
    }

    @Test
    void aNewLoginIsAllowed() {
        assertAllowed(ana, ADDRESS);
    }

    @Test
    void fourFailuresAreStillAllowed() {
        fail(ana, ADDRESS, 4);

        assertAllowed(ana, ADDRESS);
    }

    @Test
    void theFifthFailureLocksTheLogin() {
        fail(ana, ADDRESS, 5);

        assertThatThrownBy(() -> throttle.checkAllowed(ana, ADDRESS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS);
                    assertThat(e.extensions()).containsEntry("code", "TOO_MANY_ATTEMPTS");
                    assertThat(e.extensions().get("retryAfterSeconds"))
                            .isInstanceOfSatisfying(Long.class, seconds -> assertThat(seconds).isPositive().isEqualTo(900L));
                });
    }

    @Test
    void theLockHoldsFromAnyAddress() {
        fail(ana, ADDRESS, 5);

        assertLocked(ana, "198.51.100.1");
    }

    @Test
    void theLockIsPerLogin() {
        fail(ana, ADDRESS, 5);

        assertAllowed(bruno, ADDRESS);
    }

    @Test
    void retryAfterCountsDown() {
        fail(ana, ADDRESS, 5);
        clock.advance(Duration.ofMinutes(10));

        assertThat(retryAfterSeconds(ana, ADDRESS)).isEqualTo(300L);

        clock.advance(Duration.ofSeconds(299).plusMillis(500));
        assertThat(retryAfterSeconds(ana, ADDRESS)).isEqualTo(1L); // never 0 while locked
    }

    @Test
    void afterFifteenMinutesTheLoginIsAllowedAgain() {
        fail(ana, ADDRESS, 5);
        clock.advance(FIFTEEN_MINUTES.minusSeconds(1));
        assertLocked(ana, ADDRESS);

        clock.advance(Duration.ofSeconds(1));

        assertAllowed(ana, ADDRESS);
    }

    @Test
    void afterTheLockEndsTheCountStartsAfresh() {
        fail(ana, ADDRESS, 5);
        clock.advance(FIFTEEN_MINUTES);

        fail(ana, ADDRESS, 4);
        assertAllowed(ana, ADDRESS);

        fail(ana, ADDRESS, 1);
        assertLocked(ana, ADDRESS);
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        fail(ana, ADDRESS, 4);
        clock.advance(FIFTEEN_MINUTES);

        fail(ana, ADDRESS, 4);

        assertAllowed(ana, ADDRESS);
    }

    @Test
    void failuresAreCountedInASlidingWindow() {
        fail(ana, ADDRESS, 1);                       // t = 0: opens the window
        clock.advance(Duration.ofMinutes(14));
        fail(ana, ADDRESS, 3);                       // t = 14 min: 4 failures in the window
        clock.advance(Duration.ofMinutes(1));
        fail(ana, ADDRESS, 2);                       // t = 15 min: the first failure has left a sliding window, 5 remain

        assertLocked(ana, ADDRESS);
    }

    @Test
    void successClearsTheCount() {
        fail(ana, ADDRESS, 4);
        throttle.attempt(ana, ADDRESS);
        throttle.succeeded(ana, ADDRESS);

        fail(ana, ADDRESS, 4);

        assertAllowed(ana, ADDRESS);
        fail(ana, ADDRESS, 1);
        assertLocked(ana, ADDRESS);
    }

    @Test
    void successOfAnotherLoginDoesNotClearTheCount() {
        fail(ana, ADDRESS, 4);
        throttle.attempt(bruno, ADDRESS);
        throttle.succeeded(bruno, ADDRESS);

        fail(ana, ADDRESS, 1);

        assertLocked(ana, ADDRESS);
    }

    @Test
    void fiftyFailuresFromOneAddressLockTheAddressForANewLoginToo() {
        for (int i = 0; i < 50; i++) {
            LoginClaim login = LoginClaim.of(Email.parse("user" + i + "@example.com", "login"));
            assertAllowed(login, ADDRESS);
            fail(login, ADDRESS, 1);
        }

        LoginClaim fresh = LoginClaim.of(Email.parse("someone.new@example.com", "login"));
        assertThatThrownBy(() -> throttle.checkAllowed(fresh, ADDRESS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS);
                    assertThat((Long) e.extensions().get("retryAfterSeconds")).isPositive();
                });
        // The same new login from another address is fine: the lock is the address's.
        assertAllowed(fresh, "198.51.100.1");
    }

    @Test
    void fortyNineFailuresFromOneAddressDoNotLockIt() {
        for (int i = 0; i < 49; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), ADDRESS, 1);
        }

        assertAllowed(LoginClaim.of(Email.parse("someone.new@example.com", "login")), ADDRESS);
    }

    @Test
    void successDoesNotClearTheAddressCount() {
        for (int i = 0; i < 49; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), ADDRESS, 1);
        }
        throttle.attempt(ana, ADDRESS);
        throttle.succeeded(ana, ADDRESS);
        fail(bruno, ADDRESS, 1);

        assertLocked(ana, ADDRESS);
    }

    @Test
    void theAddressLockEndsAfterFifteenMinutes() {
        for (int i = 0; i < 50; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), ADDRESS, 1);
        }
        assertLocked(ana, ADDRESS);

        clock.advance(FIFTEEN_MINUTES);

        assertAllowed(ana, ADDRESS);
    }

    @Test
    void theLongerOfTwoLocksIsReported() {
        for (int i = 0; i < 50; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), ADDRESS, 1);
        }
        clock.advance(Duration.ofMinutes(5));
        fail(ana, "198.51.100.1", 5); // ana locked until +20 min, the address until +15 min

        assertThat(retryAfterSeconds(ana, ADDRESS)).isEqualTo(900L);
    }

    @Test
    void theSameIdentifierOfDifferentKindsIsCountedSeparately() {
        LoginClaim asEmail = new LoginClaim(LoginClaim.Kind.EMAIL, "x");
        LoginClaim asCrm = new LoginClaim(LoginClaim.Kind.CRM, "x");
        fail(asEmail, ADDRESS, 5);

        assertAllowed(asCrm, "198.51.100.1");
    }

    @Test
    void attemptsInFlightTakeTheBudgetButOnlyConfirmedFailuresLock() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt(ana, ADDRESS);
        }
        assertLocked(ana, ADDRESS); // the budget is in flight

        for (int i = 0; i < 5; i++) {
            throttle.succeeded(ana, ADDRESS);
        }
        assertAllowed(ana, ADDRESS); // all five were right: nothing locked
    }

    @Test
    void ofTwentyParallelAttemptsOnOneLoginOnlyFiveGetToCheckThePassword() throws Exception {
        List<Object> results = Concurrently.run(20, i -> () -> {
            throttle.attempt(ana, "198.51.100." + i);
            return "checked";
        });

        assertThat(results).filteredOn("checked"::equals).hasSize(5);
        assertThat(results).filteredOn(DomainException.class::isInstance)
                .allSatisfy(e -> assertThat(((DomainException) e).code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS))
                .hasSize(15);
    }

    @Test
    void aSuccessfulAttemptCountsAgainstNeitherTheLoginNorTheAddress() {
        for (int i = 0; i < 60; i++) {
            throttle.attempt(ana, ADDRESS);
            throttle.succeeded(ana, ADDRESS);
        }

        assertAllowed(ana, ADDRESS);
        assertAllowed(bruno, ADDRESS);
    }

    @Test
    void anAttemptRefusedForItsLoginDoesNotCountAgainstTheAddress() {
        fail(ana, "198.51.100.1", 5);
        for (int i = 0; i < 60; i++) {
            assertThatThrownBy(() -> throttle.attempt(ana, ADDRESS)).isInstanceOf(DomainException.class);
        }

        assertAllowed(bruno, ADDRESS);
    }

    @Test
    void thirtyRegistrationsFromOneAddressLockRegistrationFromItButNotLogin() {
        for (int i = 0; i < 29; i++) {
            throttle.registration(ADDRESS);
        }
        throttle.registration(ADDRESS); // the 30th is still taken, and locks

        assertThatThrownBy(() -> throttle.registration(ADDRESS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS));
        assertAllowed(ana, ADDRESS);
        throttle.registration("198.51.100.1");
        clock.advance(FIFTEEN_MINUTES);
        throttle.registration(ADDRESS);
    }

    @Test
    void anIpv6SubscriberIsCountedPerSlash64() {
        for (int i = 0; i < 50; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), "2001:db8:1:2::" + Integer.toHexString(i + 1), 1);
        }

        assertLocked(ana, "2001:db8:1:2:ffff::1");
        assertAllowed(ana, "2001:db8:1:3::1");
        assertThat(Networks.of("2001:0db8:0001:0002:0000:0000:0000:0001")).isEqualTo(Networks.of("2001:db8:1:2::99"));
        assertThat(Networks.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void attemptsThatGotNoVerdictCountForNothing() {
        for (int i = 0; i < 20; i++) {
            throttle.attempt(ana, ADDRESS);
            throttle.abandoned(ana, ADDRESS); // e.g. SERVICE_BUSY: the password was never checked
        }

        assertAllowed(ana, ADDRESS);
        fail(ana, ADDRESS, 4);
        assertAllowed(ana, ADDRESS);
    }

    @Test
    void aRefusalReportsTheLaterOfTheAddressAndLoginLocks() {
        for (int i = 0; i < 50; i++) {
            fail(LoginClaim.of(Email.parse("user" + i + "@example.com", "login")), ADDRESS, 1);
        }
        clock.advance(Duration.ofMinutes(5));
        fail(ana, "198.51.100.1", 5); // ana locked until +20 min, the address until +15 min

        DomainException refused = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                () -> throttle.attempt(ana, ADDRESS));

        assertThat(refused.extensions().get("retryAfterSeconds")).isEqualTo(900L);
    }

    @Test
    void aBudgetTakenOnlyByAttemptsInFlightIsWorthRetryingInASecond() {
        fail(ana, ADDRESS, 1);
        for (int i = 0; i < 4; i++) {
            throttle.attempt(ana, ADDRESS);
        }

        DomainException refused = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                () -> throttle.attempt(ana, ADDRESS));

        assertThat(refused.extensions().get("retryAfterSeconds")).isEqualTo(1L);
    }

    private void fail(LoginClaim login, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.attempt(login, address);
            throttle.failed(login, address);
        }
    }

    private void assertAllowed(LoginClaim login, String address) {
        assertThatCode(() -> throttle.checkAllowed(login, address)).doesNotThrowAnyException();
    }

    private void assertLocked(LoginClaim login, String address) {
        assertThatThrownBy(() -> throttle.checkAllowed(login, address))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS));
    }

    private long retryAfterSeconds(LoginClaim login, String address) {
        try {
            throttle.checkAllowed(login, address);
        } catch (DomainException e) {
            assertThat(e.code()).isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS);
            return (Long) e.extensions().get("retryAfterSeconds");
        }
        throw new AssertionError("expected " + login + " from " + address + " to be locked");
    }
}
