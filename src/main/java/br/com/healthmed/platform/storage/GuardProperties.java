package br.com.healthmed.platform.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of one dependency's {@link StorageGuard}, the same shape under {@code healthmed.dynamodb.guard.*}
 * and {@code healthmed.s3.guard.*}.
 *
 * @param queueWait          how long a call may wait for one of the client's connections
 * @param window             the breaker looks at this many recent calls
 * @param minimumCalls       and decides only once it has seen this many
 * @param failureRatePercent opening when at least this share of them were outages
 * @param openFor            calls then fail at once for this long
 * @param probeCalls         before this many probe calls decide whether to close again
 */
public record GuardProperties(@DefaultValue("PT0.05S") Duration queueWait, @DefaultValue("50") int window,
                              @DefaultValue("20") int minimumCalls, @DefaultValue("50") float failureRatePercent,
                              @DefaultValue("PT5S") Duration openFor, @DefaultValue("5") int probeCalls) {

    /** The defaults above, for code that builds its settings without binding them. */
    public static GuardProperties defaults() {
        return new GuardProperties(Duration.ofMillis(50), 50, 20, 50, Duration.ofSeconds(5), 5);
    }

    /**
     * The guard of {@code dependency}, letting as many calls run at once as its client has connections, and
     * shortening a call's {@code callTimeout} (the client's {@code api-call-timeout}) to what is left of its
     * request's {@link StorageDeadline}.
     */
    public StorageGuard guard(String dependency, int maxConnections, Duration callTimeout) {
        return new StorageGuard(dependency, new StorageGuard.Settings(maxConnections, queueWait, window, minimumCalls,
                failureRatePercent, openFor, probeCalls, callTimeout));
    }
}
