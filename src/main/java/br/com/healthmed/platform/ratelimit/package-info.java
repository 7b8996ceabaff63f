/**
 * Counting "at most N per period" across the replicas: the {@link br.com.healthmed.platform.ratelimit.RateCounters}
 * port, its Redis and in-memory adapters, and the helpers that keep personal data out of counter keys.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.ratelimit;
