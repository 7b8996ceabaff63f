package br.com.healthmed.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * Counters of what the business cares about (bookings, searches, uploads ...), for the modules to
 * call; exported with every other metric at {@code /actuator/prometheus} (a counter
 * {@code healthmed.bookings} with tag {@code outcome=confirmed} becomes
 * {@code healthmed_bookings_total{outcome="confirmed"}}). Names start with {@value #PREFIX}; tag
 * values must come from a small fixed set (an enum's names, never ids or user input), or the
 * metrics store fills up with series.
 */
@Component
public class BusinessMetrics {

    public static final String PREFIX = "healthmed.";

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds one to the counter {@code name} with the given tags ({@code key, value, key, value ...}). */
    public void increment(String name, String... tagKeysAndValues) {
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Business counters are named " + PREFIX + "*, not " + name);
        }
        registry.counter(name, Tags.of(tagKeysAndValues)).increment();
    }
}
