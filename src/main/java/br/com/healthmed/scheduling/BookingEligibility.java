package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;

/**
 * One rule about <em>who</em> may book at all, asked before any slot is claimed or any limit counted
 * (a retried request that already booked is answered without it). Booking asks every such bean in their {@code @Order}
 * (the first that refuses names the code), so each rule (a verified contact, the teleconsultation consent, …) is a class of its own; with none, every
 * patient may book and the network, device and account limits ({@link BookingLimits}) carry the load.
 */
public interface BookingEligibility {

    /** Returns if the patient may book; throws a {@code DomainException} saying why not otherwise. */
    void check(AccountId patientId);
}
