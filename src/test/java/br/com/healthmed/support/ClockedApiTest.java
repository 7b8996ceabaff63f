package br.com.healthmed.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import br.com.healthmed.identity.UnverifiedSessions;
import org.springframework.context.annotation.Import;

/**
 * The context of the API tests that move time and read the mailbox (notifications, account
 * self-service, passwords and two-factor login, consent, privacy): the service on a random port, its clock the
 * test's ({@link TestClock}), sessions of unverified patients at hand ({@link UnverifiedSessions}), access tokens that outlive the days a test skips, sweeps that wait for
 * the test. One annotation, so that these classes share one context per storage adapter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.security.jwt.access-token-ttl=P30D",
        "healthmed.scheduling.sweep-interval=PT1H",
        "healthmed.notifications.sweep-interval=PT1H",
        "healthmed.notifications.sweep-batch=1", // so that two due reminders are more than one batch
        "healthmed.web.app-url=https://app.healthmed.example",
        // every test user books from one address and one User-Agent; HoardingApiTest tests these limits
        "healthmed.booking-limits.per-network=100000",
        "healthmed.booking-limits.per-device=100000",
        "healthmed.booking-limits.per-network-per-doctor=100000",
        "healthmed.booking-limits.per-device-per-doctor=100000"})
@Import({TestClock.class, UnverifiedSessions.class})
public @interface ClockedApiTest {}
