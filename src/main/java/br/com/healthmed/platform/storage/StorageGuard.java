package br.com.healthmed.platform.storage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps one storage dependency (DynamoDB, S3) from holding requests when it is slow, failing or
 * overloaded, as an interceptor on its SDK client, so every call of every adapter goes through it:
 *
 * <ul>
 *   <li><b>load shedding</b>: at most {@code maxConcurrentCalls} calls at once (the size of the
 *       client's connection pool); a call that cannot start within {@code queueWait} fails with
 *       {@link StorageBusyException} instead of queueing for a connection (the SDK would wait 10 s);</li>
 *   <li><b>circuit breaker</b> (Resilience4j): when most recent calls failed as an outage would
 *       (timeouts, I/O errors, 5xx, throttling that outlasted the SDK's retries), calls fail at once
 *       with {@link StorageOpenCircuitException} for {@code openFor}, then a few probe calls decide.
 *       A refused condition or a bad request is an answer, not an outage: it counts as a success.</li>
 * </ul>
 *
 * <p>The client's own timeouts and jittered retries ({@code api-call-timeout}, {@code
 * api-call-attempt-timeout}) bound each call; {@link StorageFailures} turns what remains into the
 * coded, retryable {@code SERVICE_BUSY} / {@code STORAGE_UNAVAILABLE} answers.
 */
public final class StorageGuard implements ExecutionInterceptor {

    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("healthmed.storage-guard.call");

    private final String dependency;
    private final Semaphore calls;
    private final Duration queueWait;
    private final CircuitBreaker breaker;

    public StorageGuard(String dependency, Settings settings) {
        this.dependency = dependency;
        this.calls = new Semaphore(settings.maxConcurrentCalls());
        this.queueWait = settings.queueWait();
        this.breaker = CircuitBreaker.of(dependency, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.probeCalls())
                .recordException(StorageFailures::isOutage)
                .build());
    }

    /** Configured by {@link GuardProperties} ({@code healthmed.dynamodb.guard.*}, {@code healthmed.s3.guard.*}). */
    public record Settings(int maxConcurrentCalls, Duration queueWait, int window, int minimumCalls,
                           float failureRatePercent, Duration openFor, int probeCalls) {}

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!breaker.tryAcquirePermission()) {
            throw new StorageOpenCircuitException(dependency,
                    Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)));
        }
        boolean started;
        try {
            started = calls.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started) {
            breaker.releasePermission(); // no call was made: it says nothing about the dependency
            throw new StorageBusyException(dependency);
        }
        attributes.putAttribute(CALL, new Call(System.nanoTime()));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null && call.finish()) {
            calls.release();
            breaker.onSuccess(System.nanoTime() - call.startedNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null && call.finish()) { // absent: refused in beforeExecution, nothing to give back
            calls.release();
            breaker.onError(System.nanoTime() - call.startedNanos(), TimeUnit.NANOSECONDS, context.exception());
        }
    }

    /** One call that got a slot; finished once, whichever of success or failure the SDK reports. */
    private record Call(long startedNanos, AtomicBoolean finished) {
        Call(long startedNanos) {
            this(startedNanos, new AtomicBoolean());
        }

        boolean finish() {
            return finished.compareAndSet(false, true);
        }
    }

    /** The breaker's state: what readiness and the tests look at. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
