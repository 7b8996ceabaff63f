package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;

/**
 * The one check point for <em>who</em> may book at all, asked before any slot is claimed or any limit
 * counted (a retried request that already booked is answered without it).
 *
 * <p>Waiting for e-mail (or phone) verification, which identity does not have yet: once accounts
 * carry a verified contact, the implementation refuses an unverified patient here (with a code of its
 * own, e.g. {@code CONTACT_NOT_VERIFIED}), so that every booking account costs a real mailbox — the
 * piece that makes registering twelve accounts to hoard a doctor's agenda expensive. Until then
 * {@link EveryPatientIsEligible} lets everyone through and the network, device and account limits
 * ({@link BookingLimits}) carry the load.
 */
public interface BookingEligibility {

    /** Returns if the patient may book; throws a {@code DomainException} saying why not otherwise. */
    void check(AccountId patientId);
}
