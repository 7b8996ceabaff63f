package br.com.healthmed.scheduling;

import br.com.healthmed.support.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The running service (random port, embedded adapters unless a subclass says otherwise) on the test's
 * clock, as the scheduling API tests drive it. One annotation, so that the test classes using it share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // moving the clock by days must not expire the test users' access tokens
        "healthmed.security.jwt.access-token-ttl=P30D",
        "healthmed.scheduling.sweep-interval=PT1H",
        // every test user books from one address and one User-Agent; HoardingApiTest tests these limits
        "healthmed.booking-limits.per-network=100000",
        "healthmed.booking-limits.per-device=100000",
        "healthmed.booking-limits.per-network-per-doctor=100000",
        "healthmed.booking-limits.per-device-per-doctor=100000"})
@Import(TestClock.class)
public @interface ServiceWithTestClock {}
