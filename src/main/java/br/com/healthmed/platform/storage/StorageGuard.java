package br.com.healthmed.platform.storage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
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
 *   <li><b>the request's deadline</b> ({@link StorageDeadline}): a call made for a GraphQL request gets
 *       {@code apiCallTimeout = min(the client's, what is left of the request's deadline)}; with nothing
 *       left (less than {@link #LEAST_TIME_FOR_A_CALL}, checked before and after the wait for a connection)
 *       it fails at once with {@link StorageDeadlineException}. A call that brings its own
 *       {@code apiCallTimeout} (an S3 transfer) keeps it and is not bounded by the deadline. A shortened call that times out is not counted
 *       by the breaker: it was cut by the request's other work, which says nothing sure about the dependency.</li>
 * </ul>
 *
 * <p>The client's own timeouts and jittered retries ({@code api-call-timeout}, {@code
 * api-call-attempt-timeout}) bound each call; {@link StorageFailures} turns what remains into the
 * coded, retryable {@code SERVICE_BUSY} / {@code STORAGE_UNAVAILABLE} answers.
 */
public final class StorageGuard implements ExecutionInterceptor {

    /**
     * A call with less than this left of its request's deadline is not made: with a timeout that short a
     * write could be applied and still answered as failed, an ambiguity worth avoiding when the answer
     * would almost surely come too late anyway (DynamoDB answers in milliseconds when healthy).
     */
    static final Duration LEAST_TIME_FOR_A_CALL = Duration.ofMillis(100);

    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("healthmed.storage-guard.call");

    private final String dependency;
    private final Semaphore calls;
    private final Duration queueWait;
    private final CircuitBreaker breaker;
    private final Duration callTimeout;

    public StorageGuard(String dependency, Settings settings) {
        this.dependency = dependency;
        this.callTimeout = settings.callTimeout();
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

    /**
     * Configured by {@link GuardProperties} ({@code healthmed.dynamodb.guard.*}, {@code healthmed.s3.guard.*});
     * {@code callTimeout} is the client's own {@code api-call-timeout}, which a request's deadline only shortens.
     */
    public record Settings(int maxConcurrentCalls, Duration queueWait, int window, int minimumCalls,
                           float failureRatePercent, Duration openFor, int probeCalls, Duration callTimeout) {}

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        boolean bounded = boundedByTheDeadline(context.request());
        if (bounded) {
            refuseIfTooLittleLeft(); // before the breaker: no call, nothing learnt
        }
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
        if (bounded) {
            try {
                refuseIfTooLittleLeft(); // the wait for a connection may have spent it
            } catch (StorageDeadlineException spent) {
                calls.release();
                breaker.releasePermission();
                throw spent;
            }
        }
        attributes.putAttribute(CALL, new Call(System.nanoTime()));
    }

    private void refuseIfTooLittleLeft() {
        @Nullable Long remaining = StorageDeadline.remainingNanos();
        if (remaining != null && remaining < LEAST_TIME_FOR_A_CALL.toNanos()) {
            throw new StorageDeadlineException(dependency);
        }
    }

    /** Not a call that brings its own {@code apiCallTimeout} (an S3 transfer, sized by its caller). */
    private static boolean boundedByTheDeadline(SdkRequest request) {
        return !(request instanceof AwsRequest aws)
                || aws.overrideConfiguration().flatMap(AwsRequestOverrideConfiguration::apiCallTimeout).isEmpty();
    }

    /** Runs after {@link #beforeExecution} on the calling thread, so the request's deadline is at hand. */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        @Nullable Long remaining = StorageDeadline.remainingNanos();
        if (remaining == null || remaining >= callTimeout.toNanos() || !(request instanceof AwsRequest aws)
                || !boundedByTheDeadline(request)) {
            return request;
        }
        AwsRequestOverrideConfiguration own = aws.overrideConfiguration().orElse(null);
        Duration left = Duration.ofNanos(Math.max(LEAST_TIME_FOR_A_CALL.toNanos(), remaining));
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.shortened = true;
        }
        AwsRequestOverrideConfiguration.Builder override = own == null ? AwsRequestOverrideConfiguration.builder() : own.toBuilder();
        return aws.toBuilder().overrideConfiguration(override.apiCallTimeout(left).build()).build();
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
            if (call.shortened && context.exception() instanceof ApiCallTimeoutException) {
                breaker.releasePermission(); // cut by the request's deadline, not timed out on the client's bound
            } else {
                breaker.onError(System.nanoTime() - call.startedNanos(), TimeUnit.NANOSECONDS, context.exception());
            }
        }
    }

    /** One call that got a slot; finished once, whichever of success or failure the SDK reports. */
    private static final class Call {
        private final long startedNanos;
        private final AtomicBoolean finished = new AtomicBoolean();
        /** Its timeout was shortened to what was left of its request's deadline. */
        private volatile boolean shortened;

        Call(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        long startedNanos() {
            return startedNanos;
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
