package br.com.healthmed.platform.storage;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Which storage failures are an outage (the dependency did not answer, or answered that it could not
 * serve: the client should come back later) as opposed to an answer about the request, and the coded
 * error an outage becomes: {@code SERVICE_BUSY} when this instance shed the call, {@code
 * STORAGE_UNAVAILABLE} when the dependency failed, both with {@code retryAfterSeconds}.
 */
public final class StorageFailures {

    /** A failure reaches an API answer wrapped a few times at most (completion, reactive, SDK wrappers). */
    private static final int MAX_CAUSES = 8;

    private StorageFailures() {}

    /**
     * What the circuit breaker counts: throttling and 5xx left after the SDK's retries, and everything the
     * client itself raises, which is about reaching the service (timeouts of a call or an attempt, refused
     * or reset connections, DNS). A refused condition or an invalid request is an answer, not an outage.
     */
    static boolean isOutage(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return failure instanceof SdkClientException;
    }

    /** The coded, retryable error for a storage outage found in {@code failure} or its causes; empty otherwise. */
    public static Optional<DomainException> asRetryable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            if (current instanceof StorageBusyException) {
                return Optional.of(new DomainException(PlatformErrors.SERVICE_BUSY,
                        "The service is taking as much work as it can; retry after extensions.retryAfterSeconds.",
                        Map.of("retryAfterSeconds", 1)));
            }
            if (current instanceof StorageOpenCircuitException open) {
                return Optional.of(unavailable(Math.max(1, (int) Math.ceil(open.retryAfter().toMillis() / 1000.0))));
            }
            if (current instanceof StorageDeadlineException || isOutage(current)) {
                return Optional.of(unavailable(1));
            }
        }
        return Optional.empty();
    }

    private static DomainException unavailable(int retryAfterSeconds) {
        return new DomainException(PlatformErrors.STORAGE_UNAVAILABLE,
                "Storage did not answer in time; retry after extensions.retryAfterSeconds.",
                Map.of("retryAfterSeconds", retryAfterSeconds));
    }
}
