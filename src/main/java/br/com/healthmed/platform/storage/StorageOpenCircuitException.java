package br.com.healthmed.platform.storage;

import java.time.Duration;

/** A storage call not started: the dependency failed most recent calls, and gets a rest before probes. */
public final class StorageOpenCircuitException extends RuntimeException {

    private final Duration retryAfter;

    StorageOpenCircuitException(String dependency, Duration retryAfter) {
        super(dependency + ": failing, calls paused for " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
