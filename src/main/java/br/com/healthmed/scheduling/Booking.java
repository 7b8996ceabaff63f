package br.com.healthmed.scheduling;

import br.com.healthmed.directory.PracticeTerms;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.metrics.BusinessMetrics;
import br.com.healthmed.telehealth.MeetingRooms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Booking a slot. The commit point is one conditional write on the slot ({@link SlotStore#claim});
 * around it, in this order:
 * <ol>
 *   <li>the appointment id is derived from the patient and the idempotency key, so every retry of a
 *       request — even one racing itself — works on the same appointment;</li>
 *   <li>the patient must be eligible to book at all ({@link BookingEligibility});</li>
 *   <li>the patient's place is reserved ({@link ActiveBookings}), which enforces the anti-hoarding
 *       limits of one account; it is given back if the claim fails or throws (unless the slot did get claimed);</li>
 *   <li>the request is counted against the limits per account, network and device across accounts
 *       ({@link BookingLimits}); given back too if the slot is not claimed;</li>
 *   <li>the slot is claimed;</li>
 *   <li>the appointment is stored, and only then announced.</li>
 * </ol>
 * A crash after the claim leaves a slot held by an appointment that does not exist: a retry of the
 * same request finishes the booking, and otherwise the hold counts as stale after
 * {@code staleHoldGrace} and the next booking takes the slot over — abandoning the missing appointment
 * first, so the stalled request can never store it later ({@link Holds}). A slot still held by an
 * appointment that has ended (a release that never happened) is likewise free for the next booking:
 * no slot stays blocked by a cancelled consultation.
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final SlotStore slots;
    private final AppointmentStore appointments;
    private final ActiveBookings activeBookings;
    private final Practices practices;
    private final AppointmentLifecycle lifecycle;
    private final SchedulingProperties properties;
    private final TakenSlots takenSlots;
    private final Holds holds;
    private final RequestExpiry expiry;
    private final List<BookingEligibility> eligibility;
    private final BookingLimits limits;
    private final DoctorBookingRules rules;
    private final MeetingRooms meetingRooms;
    private final ObjectProvider<WaitlistOffers> waitlist;
    private final BusinessMetrics metrics;
    private final Clock clock;

    Booking(SlotStore slots, AppointmentStore appointments, ActiveBookings activeBookings, Practices practices,
            AppointmentLifecycle lifecycle, SchedulingProperties properties, TakenSlots takenSlots, Holds holds,
            RequestExpiry expiry, List<BookingEligibility> eligibility, BookingLimits limits, DoctorBookingRules rules,
            MeetingRooms meetingRooms, ObjectProvider<WaitlistOffers> waitlist, BusinessMetrics metrics, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.activeBookings = activeBookings;
        this.practices = practices;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.takenSlots = takenSlots;
        this.holds = holds;
        this.expiry = expiry;
        this.eligibility = List.copyOf(eligibility);
        this.limits = limits;
        this.rules = rules;
        this.meetingRooms = meetingRooms;
        this.waitlist = waitlist;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** {@link #book(AccountId, SlotId, String, BookingOrigin)} from an unknown network and device (no request behind it). */
    public Appointment book(AccountId patientId, SlotId slotId, String idempotencyKey) {
        return book(patientId, slotId, idempotencyKey, BookingOrigin.UNKNOWN);
    }

    /**
     * Books a slot for a patient: the appointment starts {@code REQUESTED}. {@code origin} is the
     * request's network and device, counted against the limits across accounts and kept on the
     * request for the doctor's warnings. Counted by outcome in {@code healthmed.bookings}.
     */
    public Appointment book(AccountId patientId, SlotId slotId, String idempotencyKey, BookingOrigin origin) {
        try {
            Appointment booked = tryToBook(patientId, slotId, idempotencyKey, origin);
            metrics.increment("healthmed.bookings", "outcome", "booked");
            return booked;
        } catch (DomainException refused) {
            metrics.increment("healthmed.bookings", "outcome", refused.code().name().toLowerCase(java.util.Locale.ROOT));
            throw refused;
        }
    }

    private Appointment tryToBook(AccountId patientId, SlotId slotId, String idempotencyKey, BookingOrigin origin) {
        AppointmentId appointmentId = AppointmentId.forRequest(patientId, idempotencyKey);
        Optional<Appointment> earlier = appointments.find(appointmentId);
        if (earlier.isPresent()) {
            return sameRequestAgain(earlier.get(), slotId);
        }
        eligibility.forEach(rule -> rule.check(patientId));
        if (takenSlots.isTakenByAnother(slotId, appointmentId)) {
            throw unavailable();
        }
        Slot slot = slots.find(slotId).orElseThrow(() -> DomainException.notFound("Slot"));
        Instant now = clock.instant();
        if (!slot.start().isAfter(now)) {
            throw new DomainException(SchedulingErrors.SLOT_UNAVAILABLE, "This slot has already started.");
        }
        BookingRules doctorRules = rules.of(slot.doctorId());
        DoctorBookingRules.check(doctorRules, slot.start(), now);
        Optional<Slot.Hold> replacing = replaceableHolder(slot, patientId, idempotencyKey);
        PracticeTerms terms = practices.of(slot.doctorId());

        reserve(patientId, new ActiveBookings.Reservation(appointmentId, slotId, slot.doctorId(), slot.start(), now), now);
        BookingLimits.Permit permit;
        try {
            permit = limits.acquire(appointmentId, patientId, slot.doctorId(), origin);
        } catch (RuntimeException refused) {
            activeBookings.release(patientId, appointmentId);
            throw refused;
        }
        try {
            Appointment request = Appointment.requested(appointmentId, slot, patientId, terms.consultationPrice(), now,
                    expiry.answerBy(now, slot.start()), origin);
            if (doctorRules.instantBooking()) {
                request = request.confirmedInstantly(now, meetingRooms.open(slot.start(), slot.end()));
            }
            return claimAndStore(slot, request, idempotencyKey, replacing);
        } catch (RuntimeException failed) {
            permit.giveBack();
            giveBackUnlessClaimed(patientId, appointmentId, slotId);
            throw failed;
        }
    }

    /** The commit point and what follows it; {@code appointment} is the one this request would store. */
    private Appointment claimAndStore(Slot slot, Appointment appointment, String idempotencyKey,
                                      Optional<Slot.Hold> replacing) {
        AppointmentId id = appointment.id();
        Optional<Slot> claimed = slots.claim(slot.id(),
                new Slot.Hold(id, appointment.patientId(), idempotencyKey, clock.instant()), replacing);
        if (claimed.isEmpty()) {
            activeBookings.release(appointment.patientId(), id);
            throw unavailable();
        }
        takenSlots.taken(slot.id(), id);
        lifecycle.willStore(Optional.empty(), appointment);
        boolean created = appointments.create(appointment);
        Optional<Appointment> stored = created ? Optional.of(appointment) : appointments.find(id);
        // idempotent, also after a lost response: at the stored request's own expiry (a consultation
        // confirmed at once by instant booking: at its end)
        stored.ifPresent(a -> appointments.scheduleCheck(new AppointmentStore.DueCheck(id,
                a.status() == AppointmentStatus.CONFIRMED ? a.end() : a.answerBy())));
        if (stored.isEmpty()) {
            // Abandoned: this request stalled so long that another booking took the slot over.
            slots.release(slot.id(), id);
            activeBookings.release(appointment.patientId(), id);
            throw unavailable();
        }
        if (!stored.get().slotId().equals(slot.id())) {
            // The same key booked another slot first (two requests racing): that booking stands, not this claim.
            slots.release(slot.id(), id);
            throw keyReused();
        }
        if (created || stored.get().equals(appointment)) { // ours, also when its first write's response was lost
            lifecycle.announce(Optional.empty(), stored.get());
        }
        return stored.get().settledAt(clock.instant());
    }

    /** A retry of a booking request: the same slot it booked first (the appointment may have moved since). */
    private Appointment sameRequestAgain(Appointment earlier, SlotId slotId) {
        if (!earlier.bookedSlotId().equals(slotId)) {
            throw keyReused();
        }
        return earlier.settledAt(clock.instant());
    }

    /**
     * The stale hold a slot can be taken over from, or {@code SLOT_UNAVAILABLE} when its hold stands.
     * A slot whose holder lapsed at its answer deadline (a request nobody answered, an offer nobody
     * took) passes to the waitlist first, as the sweep's expiry would pass it a little later: only when
     * nobody waits is it free for anyone.
     */
    private Optional<Slot.Hold> replaceableHolder(Slot slot, AccountId patientId, String idempotencyKey) {
        if (slot.hold().filter(h -> h.isRequest(patientId, idempotencyKey)).isPresent()) {
            return Optional.empty(); // our own earlier attempt: the claim below is its retry
        }
        Holds.Replaceable replaceable = holds.replaceable(slot);
        if (replaceable.live()) {
            takenSlots.taken(slot.id(), slot.hold().orElseThrow().appointmentId());
            throw unavailable();
        }
        if (replaceable.lapsed()) {
            WaitlistOffers offers = waitlist.getIfAvailable();
            if (offers != null && offers.offer(slot.id()).isPresent()) {
                throw unavailable();
            }
        }
        return replaceable.staleHold();
    }

    /**
     * Reserves the patient's place for {@code reservation} under the per-account limits, giving back
     * first the places of appointments that ended without giving theirs back (also for waitlist offers).
     */
    ActiveBookings.Result reservePlace(AccountId patientId, ActiveBookings.Reservation reservation, Instant now) {
        ActiveBookings.Outcome outcome = activeBookings.reserve(patientId, reservation, properties.maxActivePerPatient(), now);
        if (outcome.result() != ActiveBookings.Result.RESERVED && outcome.result() != ActiveBookings.Result.KEY_REUSED
                && releaseEnded(patientId, outcome.blocking(), now)) {
            outcome = activeBookings.reserve(patientId, reservation, properties.maxActivePerPatient(), now);
        }
        return outcome.result();
    }

    private void reserve(AccountId patientId, ActiveBookings.Reservation reservation, Instant now) {
        ActiveBookings.Result result = reservePlace(patientId, reservation, now);
        switch (result) {
            case RESERVED -> { }
            case KEY_REUSED -> throw keyReused();
            case SAME_DOCTOR -> throw new DomainException(SchedulingErrors.BOOKING_LIMIT_REACHED,
                    "You already have an upcoming appointment with this doctor; cancel it or wait until it has happened.",
                    Map.of("limit", "ONE_PER_DOCTOR"));
            case LIMIT_REACHED -> throw new DomainException(SchedulingErrors.BOOKING_LIMIT_REACHED,
                    "You already have " + properties.maxActivePerPatient() + " upcoming appointments, the most one patient may hold.",
                    Map.of("limit", "MAX_ACTIVE", "maxActive", properties.maxActivePerPatient()));
            default -> throw new IllegalStateException("unknown outcome " + result);
        }
    }

    /**
     * Gives back reservations whose appointment has ended, or was never stored although the grace has
     * passed (a booking that died half-way: its id is abandoned first, so it cannot appear later).
     * A reservation of a booking still in progress is left alone.
     */
    private boolean releaseEnded(AccountId patientId, List<ActiveBookings.Reservation> blocking, Instant now) {
        Map<AppointmentId, Appointment> stored = appointments.findAll(blocking.stream().map(ActiveBookings.Reservation::appointmentId).toList());
        boolean released = false;
        for (ActiveBookings.Reservation reservation : blocking) {
            Appointment appointment = stored.get(reservation.appointmentId());
            boolean ended = appointment != null
                    ? !appointment.isActiveAt(now)
                    : reservation.reservedAt().plus(properties.staleHoldGrace()).isBefore(now)
                            && appointments.abandon(reservation.appointmentId());
            if (ended) {
                activeBookings.release(patientId, reservation.appointmentId());
                released = true;
            }
        }
        return released;
    }

    /**
     * After a failure (a throttled or timed-out write, say): keeps the reservation if the slot is held
     * for this request — a retry finishes the booking — and gives it back otherwise.
     */
    private void giveBackUnlessClaimed(AccountId patientId, AppointmentId appointmentId, SlotId slotId) {
        try {
            boolean claimed = slots.find(slotId).flatMap(Slot::hold).filter(h -> h.appointmentId().equals(appointmentId)).isPresent();
            if (!claimed) {
                activeBookings.release(patientId, appointmentId);
            }
        } catch (RuntimeException alsoFailing) {
            log.warn("Could not check the claim of slot {} after a failed booking; its reservation is released when stale", slotId);
        }
    }

    private static DomainException keyReused() {
        return DomainException.invalid(PlatformErrors.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                "This idempotency key was already used to book another slot; use a new key for a new booking.");
    }

    private static DomainException unavailable() {
        return new DomainException(SchedulingErrors.SLOT_UNAVAILABLE, "This slot has just been taken; choose another one.");
    }
}
