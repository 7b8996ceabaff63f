package br.com.healthmed.scheduling;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.util.Map;

/**
 * The answer when an appointment or its slot kept changing under a request through all its attempts:
 * retryable, since each attempt lost to a change that did land.
 */
final class Contention {

    private Contention() {}

    static DomainException changingNow() {
        return new DomainException(PlatformErrors.SERVICE_BUSY, "This appointment is changing right now; try again.",
                Map.of("retryAfterSeconds", 1));
    }
}
