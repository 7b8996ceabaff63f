package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import java.time.Duration;
import java.time.Instant;

/**
 * One marker per delivery (an event or reminder id) and recipient, written with a conditional put:
 * the way a redelivered event never sends a second e-mail. Implementations must pass
 * {@code SentMarkersContract}: of any number of concurrent claims exactly one is granted; once
 * completed, every later claim is {@link Claim#DONE}; a claim whose lease ran out (its sender died
 * mid-send) may be taken over; a released one at once.
 */
public interface SentMarkers {

    enum Claim {
        /** The caller may send now, and must then {@link #complete} or {@link #release}. */
        GRANTED,
        /** Already sent (or failed for good): nothing to do. */
        DONE,
        /** Someone else is sending it right now: try again after their lease. */
        BUSY
    }

    enum Outcome { SENT, FAILED }

    Claim claim(String deliveryId, AccountId recipient, Instant now, Duration lease);

    /** The e-mail went out, or can never go out: later claims are {@link Claim#DONE}. */
    void complete(String deliveryId, AccountId recipient, Outcome outcome, Instant now);

    /** Gives back a granted claim after a transient failure, so a retry may claim it at once; a completed marker stays. */
    void release(String deliveryId, AccountId recipient);
}
