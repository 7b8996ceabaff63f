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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
 * counted locally during an outage are not copied to Redis afterwards.
 *
 * <p><b>Fail fast</b> ({@link Guard}): each call waits for Redis at most {@code call-timeout} (250 ms,
 * far under the connection's 2 s command timeout, which stays for the event fan-out); at most
 * {@code max-waiting} calls wait on Redis at once (a call beyond them waits for its turn at most
 * {@code call-timeout}, then counts locally); and a circuit breaker stops trying Redis after a few
 * failures. So a Redis that stops answering (paused, blackholed) costs a burst at most the breaker's
 * window plus {@code max-waiting} calls that wait on it, not a timeout per call of every request in
 * flight, and no call waits more than twice {@code call-timeout}.
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
     * How long the counters wait on Redis ({@code healthmed.ratelimit.redis.*}). These calls sit on the
     * request path of every login and booking (a booking makes up to seven in a row, a login about
     * ten), and Redis answers them in a millisecond, so:
     *
     * @param callTimeout  one call waits at most this, then counts locally (Redis's answer, if it comes
     *                     later, is ignored)
     * @param maxWaiting   calls waiting on Redis at once; a call beyond them waits up to {@code callTimeout}
     *                     for its turn, then counts locally, so a burst against a Redis that stopped
     *                     answering does not all wait on it. At least the breaker's window (10): the
     *                     timeouts of one burst then fill the window and open the breaker, so a burst
     *                     waits on Redis once, not wave after wave. Healthy, 16 calls at once are tens
     *                     of thousands a second
     * @param minimumCalls the breaker opens when at least half of the last {@value #BREAKER_WINDOW} calls
     *                     (and at least this many) failed; then every call counts locally at once,
     *                     without trying Redis
     * @param pause        how long it stays open; then two calls try Redis again and close it if they succeed
     */
    @ConfigurationProperties("healthmed.ratelimit.redis")
    public record Guard(@DefaultValue("PT0.25S") Duration callTimeout, @DefaultValue("16") int maxWaiting,
                        @DefaultValue("5") int minimumCalls, @DefaultValue("PT5S") Duration pause) {
        public static final Guard DEFAULT = new Guard(Duration.ofMillis(250), 16, 5, Duration.ofSeconds(5));

        public Guard {
            if (maxWaiting < BREAKER_WINDOW || minimumCalls > BREAKER_WINDOW) {
                throw new IllegalArgumentException("healthmed.ratelimit.redis: max-waiting (" + maxWaiting
                        + ") must be at least " + BREAKER_WINDOW + " and minimum-calls (" + minimumCalls
                        + ") at most that: one burst of timeouts must open the breaker");
            }
        }
    }

    /** The breaker decides on the outcome of this many last calls. */
    public static final int BREAKER_WINDOW = 10;

    /** Start-up is not the request path: the warm-up may wait as long as the connection's own timeouts. */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(5);

    /** Take back a hit; forget a key. Scripts too, so that every call goes through one {@link #call}. */
    private static final RedisScript<Long> RELEASE = RedisScript.of("return redis.call('ZREM', KEYS[1], ARGV[1])", Long.class);
    private static final RedisScript<Long> RESET = RedisScript.of("return redis.call('DEL', KEYS[1])", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Clock clock;
    private final TimeSource time;
    private final InMemoryRateCounters fallback;
    private final MeterRegistry meters;
    private final CircuitBreaker breaker;
    private final Duration callTimeout;
    private final Semaphore waiting;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    /**
     * As production has them: hits scored by Redis's clock. {@code prefix} keeps these keys apart from
     * anything else in the same Redis (e.g. {@code ratelimit:}); {@code clock} is read only by the
     * per-instance fallback.
     */
    public RedisRateCounters(ReactiveStringRedisTemplate redis, String prefix, Clock clock, Guard guard, MeterRegistry meters) {
        this(redis, prefix, clock, TimeSource.REDIS, guard, meters);
    }

    public RedisRateCounters(ReactiveStringRedisTemplate redis, String prefix, Clock clock, TimeSource time, Guard guard,
                             MeterRegistry meters) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.time = time;
        this.fallback = new InMemoryRateCounters(clock);
        this.meters = meters;
        this.callTimeout = guard.callTimeout();
        this.waiting = new Semaphore(guard.maxWaiting());
        this.breaker = CircuitBreaker.of("redis-rate-counters", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(guard.minimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(guard.pause())
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
        String key = prefix + "warm-up";
        try {
            for (RedisScript<?> script : List.of(TRY_ACQUIRE, HIT, USAGE, RELEASE, RESET)) {
                // arguments every script reads harmlessly: a window of 1 ms, a limit of 0
                reply(script, key, WARM_UP_TIMEOUT, now(), "1", "0", "none");
            }
        } catch (DataAccessException unreachable) {
            log.warn("Redis did not answer at start-up ({}); rate limits are counted per instance until it does",
                    unreachable.getMessage());
        }
    }

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, String hitId) {
        return orLocally("tryAcquire", () -> {
            List<?> result = call(TRY_ACQUIRE, key, now(), Long.toString(window.toMillis()), Integer.toString(limit), hitId);
            if (number(result.get(0)) == 1) {
                return Acquisition.acquired(new Hit(key, hitId));
            }
            return Acquisition.refused(Instant.ofEpochMilli(number(result.get(1))).plus(window));
        }, () -> fallback.tryAcquire(key, limit, window, hitId));
    }

    @Override
    public int hit(String key, Duration window) {
        return orLocally("hit", () -> {
            List<?> count = call(HIT, key, now(), Long.toString(window.toMillis()), UUID.randomUUID().toString());
            return count.isEmpty() ? 0 : (int) number(count.get(0));
        }, () -> fallback.hit(key, window));
    }

    @Override
    public Usage usage(String key, Duration window) {
        return orLocally("usage", () -> {
            List<?> result = call(USAGE, key, now(), Long.toString(window.toMillis()));
            int hits = (int) number(result.get(0));
            return hits == 0 ? Usage.NONE
                    : new Usage(hits, Optional.of(Instant.ofEpochMilli(number(result.get(1))).plus(window)));
        }, () -> fallback.usage(key, window));
    }

    @Override
    public void release(Hit hit) {
        fallback.release(hit); // if it was counted here during an outage
        orLocally("release", () -> call(RELEASE, hit.key(), hit.id()), List::of);
    }

    @Override
    public void reset(String key) {
        fallback.reset(key);
        orLocally("reset", () -> call(RESET, key), List::of);
    }

    private String now() {
        return time == TimeSource.REDIS ? "-1" : Long.toString(clock.millis());
    }

    /** One script on one key, waiting at most {@code call-timeout}. */
    private List<?> call(RedisScript<?> script, String key, String... args) {
        return reply(script, prefix + key, callTimeout, args);
    }

    /**
     * The script's reply as a list (a number is a list of one; a reactive script call emits a list
     * reply either whole or element by element). A reply later than {@code timeout} is abandoned:
     * {@link QueryTimeoutException}, a {@link DataAccessException} like every other Redis failure.
     */
    private List<?> reply(RedisScript<?> script, String key, Duration timeout, String... args) {
        List<?> emitted = redis.execute(script, List.of(key), List.of((Object[]) args))
                // Subscribed on another thread: opening the shared connection (a fresh instance, or after
                // Redis went away) blocks the subscriber for the connect timeout, which the timeout below
                // could not cut short on the request's own thread.
                .subscribeOn(Schedulers.boundedElastic())
                .collectList()
                .timeout(timeout, Mono.error(() -> new QueryTimeoutException("Redis did not answer within " + timeout.toMillis() + " ms")))
                .block();
        if (emitted == null) {
            return List.of();
        }
        return emitted.size() == 1 && emitted.get(0) instanceof List<?> whole ? whole : emitted;
    }

    /**
     * The call in Redis if the breaker lets it through and fewer than {@code max-waiting} calls are
     * waiting on Redis already; otherwise, or if Redis fails or does not answer in time, in this
     * instance's memory.
     */
    private <T> T orLocally(String operation, Supplier<T> inRedis, Supplier<T> locally) {
        if (!waitForTurn()) {
            meters.counter("healthmed.ratelimit.fallback", "operation", operation, "reason", "busy").increment();
            return locally.get();
        }
        try {
            return breaker.executeSupplier(inRedis);
        } catch (DataAccessException | CallNotPermittedException unreachable) {
            meters.counter("healthmed.ratelimit.fallback", "operation", operation,
                    "reason", unreachable instanceof CallNotPermittedException ? "breaker-open" : "redis-failed").increment();
            Instant now = clock.instant();
            Instant last = lastWarning.get();
            if (now.isAfter(last.plus(WARN_INTERVAL)) && lastWarning.compareAndSet(last, now)) {
                log.warn("Redis is unreachable ({}); rate limits are counted per instance until it is back", unreachable.getMessage());
            }
            return locally.get();
        } finally {
            waiting.release();
        }
    }

    /**
     * A place among the calls waiting on Redis, waiting for one at most {@code call-timeout}. Healthy,
     * places free in a millisecond, so every call reaches Redis: counting locally whenever many calls
     * are in flight at once would let twenty parallel guesses of one password past a shared limit of five.
     */
    private boolean waitForTurn() {
        try {
            return waiting.tryAcquire(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long number(Object reply) {
        return ((Number) reply).longValue();
    }
}
