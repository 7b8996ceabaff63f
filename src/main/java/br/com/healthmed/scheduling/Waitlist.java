package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A patient's waitlist: waiting for a doctor's slot in a period (at most {@code max-per-patient}
 * doctors at once, one entry per doctor), and taking or declining the slot offered when one frees
 * ({@link WaitlistOffers}). Taking an offer is a booking request: the booking eligibility and the
 * limits per account, network and device apply as to {@code bookAppointment}.
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

    private final WaitlistStore store;
    private final Practices practices;
    private final AppointmentLifecycle lifecycle;
    private final List<BookingEligibility> eligibility;
    private final BookingLimits limits;
    private final SchedulingProperties properties;
    private final WaitlistProperties waitlistProperties;
    private final Clock clock;

    Waitlist(WaitlistStore store, Practices practices, AppointmentLifecycle lifecycle, List<BookingEligibility> eligibility,
             BookingLimits limits, SchedulingProperties properties, WaitlistProperties waitlistProperties, Clock clock) {
        this.store = store;
        this.practices = practices;
        this.lifecycle = lifecycle;
        this.eligibility = List.copyOf(eligibility);
        this.limits = limits;
        this.properties = properties;
        this.waitlistProperties = waitlistProperties;
        this.clock = clock;
    }

    /**
     * The patient waits for a slot of the doctor starting in {@code [from, to)}. Joining again with the
     * same period returns the entry; another period is {@code WAITLIST_DUPLICATE}.
     */
    public WaitlistEntry join(AccountId patientId, AccountId doctorId, Instant from, Instant to) {
        practices.of(doctorId); // NOT_FOUND unless a doctor
        // An offer is only worth making to someone who could take it: a waiter who may not book
        // (e-mail not verified, consent not given) would hold the slot for nothing while others wait.
        eligibility.forEach(rule -> rule.check(patientId));
        Instant now = clock.instant();
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        if (!to.isAfter(from)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_WAITLIST_WINDOW, "to", "to must be after from.");
        }
        if (!to.isAfter(now)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_WAITLIST_WINDOW, "to", "This period has already passed.");
        }
        Instant start = from.isAfter(now) ? from : now;
        if (Duration.between(start, to).compareTo(waitlistProperties.maxWindow()) > 0) {
            throw DomainException.invalid(SchedulingErrors.INVALID_WAITLIST_WINDOW, "to",
                    "A waitlist period covers at most " + waitlistProperties.maxWindow().toDays() + " days.");
        }
        if (to.isAfter(now.plus(properties.horizon()))) {
            throw DomainException.invalid(SchedulingErrors.INVALID_WAITLIST_WINDOW, "to",
                    "Slots are published at most " + properties.horizon().toDays() + " days ahead.");
        }
        WaitlistEntry entry = new WaitlistEntry(UUID.randomUUID(), patientId, doctorId, from, to, now);
        WaitlistStore.Joined joined = store.join(entry, waitlistProperties.maxPerPatient(), now);
        return switch (joined.result()) {
            case JOINED -> joined.entry().orElseThrow();
            case ALREADY -> {
                WaitlistEntry existing = joined.entry().orElseThrow();
                if (existing.from().equals(from) && existing.to().equals(to)) {
                    yield existing; // the same request again
                }
                throw new DomainException(SchedulingErrors.WAITLIST_DUPLICATE,
                        "You already wait for this doctor; leave that waitlist entry first.",
                        Map.of("from", existing.from().toString(), "to", existing.to().toString()));
            }
            case LIMIT_REACHED -> throw new DomainException(SchedulingErrors.WAITLIST_LIMIT_REACHED,
                    "You already wait for " + waitlistProperties.maxPerPatient() + " doctors, the most at once.",
                    Map.of("maxEntries", waitlistProperties.maxPerPatient()));
        };
    }

    /** Stops waiting for the doctor; true when there was an entry. An open offer stays the patient's to answer. */
    public boolean leave(AccountId patientId, AccountId doctorId) {
        return store.leave(patientId, doctorId).isPresent();
    }

    public List<WaitlistEntry> of(AccountId patientId) {
        return store.ofPatient(patientId, clock.instant());
    }

    /**
     * The patient takes the slot offered to them: a request (or, with the doctor's instant booking, a
     * confirmed consultation), counted against the booking limits; their entry for the doctor ends.
     */
    public Appointment accept(AccountId patientId, AppointmentId offerId, BookingOrigin origin) {
        Appointment offer = lifecycle.visibleTo(patientId, offerId);
        if (!offer.patientId().equals(patientId)) {
            throw DomainException.notFound("Appointment");
        }
        if (offer.status() != AppointmentStatus.OFFERED && offer.offerTaken()) {
            // a retry: the first call may have stopped before it ended the entry behind the offer — but an
            // entry joined after the acceptance is a new wish, not that one
            Instant acceptedAt = offer.history().get(1).at();
            boolean entryFromBefore = store.ofPatient(patientId, clock.instant()).stream()
                    .anyMatch(e -> e.doctorId().equals(offer.doctorId()) && e.joinedAt().isBefore(acceptedAt));
            if (entryFromBefore) {
                leaveBestEffort(patientId, offer);
            }
            return offer; // accepted already
        }
        eligibility.forEach(rule -> rule.check(patientId));
        BookingLimits.Permit permit = offer.status() == AppointmentStatus.OFFERED
                ? limits.acquire(offerId, patientId, offer.doctorId(), origin) : null;
        Appointment accepted;
        try {
            accepted = lifecycle.acceptOffer(patientId, offerId);
        } catch (RuntimeException refused) {
            if (permit != null) {
                permit.giveBack();
            }
            throw refused;
        }
        leaveBestEffort(patientId, offer);
        return accepted;
    }

    private void leaveBestEffort(AccountId patientId, Appointment offer) {
        try {
            store.leave(patientId, offer.doctorId());
        } catch (RuntimeException e) {
            log.warn("Could not end the waitlist entry behind accepted offer {}; the patient may leave it: {}", offer.id(), e.toString());
        }
    }

    /** The patient declines the offer; the slot passes to the next waiter. */
    public Appointment decline(AccountId patientId, AppointmentId offerId) {
        return lifecycle.declineOffer(patientId, offerId);
    }
}
