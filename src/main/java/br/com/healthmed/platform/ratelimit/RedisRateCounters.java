package br.com.healthmed.platform.ratelimit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link RateCounters} in Redis, shared by every replica: a key is a sorted set of hit ids scored by
 * the time of the hit (milliseconds, by Redis's clock: {@link TimeSource}), trimmed to its window by each script before it counts, and
 * given the window as its expiry so that Redis forgets idle keys. Each operation is one Lua script,
 * so it is atomic however many instances call it.
 *
 * <p><b>When Redis cannot be reached</b> every operation falls back to this instance's own
 * {@link InMemoryRateCounters}, with a warning (at most once a minute) and the counter
 * {@code healthmed.ratelimit.fallback}: limits then hold per instance, which is how they held before
 * they were shared (N replicas, N times the budget), rather than either refusing every login and
 * booking while Redis blinks (fail closed) or dropping the limits altogether (fail open). Hits
 * counted locally during an outage are not copied to Redis afterwards. A circuit breaker
 * ({@link Breaker}) stops trying Redis after a few failures, so an outage costs a few timeouts in
 * all rather than some in every call.
 */
public final class RedisRateCounters implements RateCounters {

    private static final Logger log = LoggerFactory.getLogger(RedisRateCounters.class);
    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

    /**
     * The start of every script: {@code now} is ARGV[1] in epoch milliseconds, or Redis's own TIME when
     * ARGV[1] is -1 ({@link TimeSource#REDIS}). With TIME every replica scores its hits by the one clock
     * of the shared server, so a replica whose clock is skewed does not shift anyone's window. (Redis
     * 5+ replicates a script's effects rather than the script, so TIME before a write is allowed.)
     */
    private static final String NOW = """
            local now = tonumber(ARGV[1])
            if now < 0 then
              local time = redis.call('TIME')
              now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            end
            """;

    /** Trim; a hit of this id already counts; else add it if under the limit. {1} when held, {0, oldest score} when full. */
    private static final RedisScript<List> TRY_ACQUIRE = RedisScript.of(NOW + """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
            if redis.call('ZSCORE', KEYS[1], ARGV[4]) then
              return {1}
            end
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return {1}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, tonumber(oldest[2])}
            """, List.class);

    /** Trim, add a hit, count. */
    private static final RedisScript<Long> HIT = RedisScript.of(NOW + """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
            redis.call('ZADD', KEYS[1], now, ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return redis.call('ZCARD', KEYS[1])
            """, Long.class);

    /** Count the hits inside the window (without trimming: a read changes nothing), and the oldest one. */
    private static final RedisScript<List> USAGE = RedisScript.of(NOW + """
            local from = '(' .. (now - tonumber(ARGV[2]))
            local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
            if count == 0 then
              return {0}
            end
            local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
            return {count, tonumber(oldest[2])}
            """, List.class);

    /** Which clock scores the hits in Redis. */
    public enum TimeSource {
        /** Redis's own TIME, one clock for every replica: production. */
        REDIS,
        /**
         * The injected {@link Clock} of this instance. A test seam: the contract test moves a fake clock
         * through windows of minutes, which Redis's clock cannot follow. Not for production, where
         * replicas' clocks differ.
         */
        INJECTED_CLOCK
    }

    /**
     * When Redis fails this often the breaker opens and every call counts locally at once, without
     * trying Redis (and waiting for its timeout) first: a login makes about ten calls in a row, which
     * against an unreachable Redis would hold the request thread for ten timeouts. After {@code pause}
     * a few calls try Redis again and close the breaker if they succeed.
     */
    public record Breaker(int minimumCalls, Duration pause) {
        public static final Breaker DEFAULT = new Breaker(5, Duration.ofSeconds(30));
    }

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Clock clock;
    private final TimeSource time;
    private final InMemoryRateCounters fallback;
    private final MeterRegistry meters;
    private final CircuitBreaker breaker;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    /**
     * As production has them: hits scored by Redis's clock, the default breaker. {@code prefix} keeps
     * these keys apart from anything else in the same Redis (e.g. {@code ratelimit:}); {@code clock}
     * is read only by the per-instance fallback.
     */
    public RedisRateCounters(StringRedisTemplate redis, String prefix, Clock clock, MeterRegistry meters) {
        this(redis, prefix, clock, TimeSource.REDIS, Breaker.DEFAULT, meters);
    }

    public RedisRateCounters(StringRedisTemplate redis, String prefix, Clock clock, TimeSource time, Breaker breaker,
                             MeterRegistry meters) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.time = time;
        this.fallback = new InMemoryRateCounters(clock);
        this.meters = meters;
        this.breaker = CircuitBreaker.of("redis-rate-counters", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(10, breaker.minimumCalls()))
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(breaker.pause())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof DataAccessException) // only Redis failing counts
                .build());
    }

    /**
     * Opens the connection and loads the scripts now, at start-up, rather than in the first login or
     * booking (the first command on a new Lettuce connection costs seconds on a busy machine).
     * Without Redis it only logs: the service starts and counts locally.
     */
    public void warmUp() {
        usage("warm-up", Duration.ofSeconds(1));
        orLocally("warmUp", () -> {
            redis.execute(TRY_ACQUIRE, List.of(prefix + "warm-up"), now(), "1", "0", "none");
            return redis.execute(HIT, List.of(prefix + "warm-up"), now(), "1", "none");
        }, () -> 0L);
        reset("warm-up");
    }

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, String hitId) {
        return orLocally("tryAcquire", () -> {
            List<?> result = redis.execute(TRY_ACQUIRE, List.of(prefix + key), now(),
                    Long.toString(window.toMillis()), Integer.toString(limit), hitId);
            if (number(result.get(0)) == 1) {
                return Acquisition.acquired(new Hit(key, hitId));
            }
            return Acquisition.refused(Instant.ofEpochMilli(number(result.get(1))).plus(window));
        }, () -> fallback.tryAcquire(key, limit, window, hitId));
    }

    @Override
    public int hit(String key, Duration window) {
        return orLocally("hit", () -> {
            Long count = redis.execute(HIT, List.of(prefix + key), now(),
                    Long.toString(window.toMillis()), UUID.randomUUID().toString());
            return count == null ? 0 : count.intValue();
        }, () -> fallback.hit(key, window));
    }

    @Override
    public Usage usage(String key, Duration window) {
        return orLocally("usage", () -> {
            List<?> result = redis.execute(USAGE, List.of(prefix + key), now(),
                    Long.toString(window.toMillis()));
            int hits = (int) number(result.get(0));
            return hits == 0 ? Usage.NONE
                    : new Usage(hits, Optional.of(Instant.ofEpochMilli(number(result.get(1))).plus(window)));
        }, () -> fallback.usage(key, window));
    }

    @Override
    public void release(Hit hit) {
        fallback.release(hit); // if it was counted here during an outage
        orLocally("release", () -> redis.opsForZSet().remove(prefix + hit.key(), hit.id()), () -> 0L);
    }

    @Override
    public void reset(String key) {
        fallback.reset(key);
        orLocally("reset", () -> redis.delete(prefix + key), () -> false);
    }

    private String now() {
        return time == TimeSource.REDIS ? "-1" : Long.toString(clock.millis());
    }

    private <T> T orLocally(String operation, Supplier<T> inRedis, Supplier<T> locally) {
        try {
            return breaker.executeSupplier(inRedis);
        } catch (DataAccessException | CallNotPermittedException unreachable) {
            meters.counter("healthmed.ratelimit.fallback", "operation", operation).increment();
            Instant now = clock.instant();
            Instant last = lastWarning.get();
            if (now.isAfter(last.plus(WARN_INTERVAL)) && lastWarning.compareAndSet(last, now)) {
                log.warn("Redis is unreachable ({}); rate limits are counted per instance until it is back", unreachable.getMessage());
            }
            return locally.get();
        }
    }

    private static long number(Object reply) {
        return ((Number) reply).longValue();
    }
}
