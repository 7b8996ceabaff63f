package br.com.healthmed.scheduling;

import br.com.healthmed.directory.DoctorRatings;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.metrics.BusinessMetrics;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.telehealth.MeetingRooms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Everything that happens to an appointment after it is booked: the doctor's and the patient's moves,
 * the moves time makes (applied by the sweep), and what follows each stored change — freeing the slot
 * and the patient's place when the appointment ends, and telling both participants (the change's
 * events are its history, stored by the same conditional write; {@link EventRelay} delivers them).
 *
 * <p>A change is computed from the stored appointment and written only over its version; when another
 * change landed first, it is computed again from the new state (which may now refuse it).
 */
@Service
@NamedInterface("api")
public class AppointmentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppointmentLifecycle.class);
    private static final int ATTEMPTS = 5;
    /** How far ahead upcoming appointments can be: past the 90-day publishing horizon, with room to spare. */
    private static final java.time.Duration UPCOMING_REACH = java.time.Duration.ofDays(400);

    private final AppointmentStore appointments;
    private final SlotStore slots;
    private final ActiveBookings activeBookings;
    private final MeetingRooms meetingRooms;
    private final DoctorRatings ratings;
    private final TakenSlots takenSlots;
    private final EventRelay relay;
    private final DoctorBookingRules rules;
    private final RequestExpiry expiry;
    /** Looked up when needed: offers judge slots through the life cycle (a constructor cycle otherwise). */
    private final ObjectProvider<WaitlistOffers> waitlist;
    private final BusinessMetrics metrics;
    private final Clock clock;

    AppointmentLifecycle(AppointmentStore appointments, SlotStore slots, ActiveBookings activeBookings,
                         MeetingRooms meetingRooms, DoctorRatings ratings, TakenSlots takenSlots,
                         EventRelay relay, DoctorBookingRules rules, RequestExpiry expiry, ObjectProvider<WaitlistOffers> waitlist,
                         BusinessMetrics metrics, Clock clock) {
        this.appointments = appointments;
        this.slots = slots;
        this.activeBookings = activeBookings;
        this.meetingRooms = meetingRooms;
        this.ratings = ratings;
        this.takenSlots = takenSlots;
        this.relay = relay;
        this.rules = rules;
        this.expiry = expiry;
        this.waitlist = waitlist;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The appointment as {@code caller} may see it (settled to now); NOT_FOUND unless a participant. */
    public Appointment visibleTo(AccountId caller, AppointmentId id) {
        Instant now = clock.instant();
        return appointments.find(id)
                .filter(a -> a.doctorId().equals(caller) || a.patientId().equals(caller))
                .map(a -> a.settledAt(now))
                .orElseThrow(() -> DomainException.notFound("Appointment"));
    }

    /** The doctor accepts a request; accepting a consultation the doctor confirmed already is a retry and answers it. */
    public Appointment accept(AccountId doctor, AppointmentId id) {
        return change(id, doctor, Role.DOCTOR, (a, now) -> a.accept(now, meetingRooms.open(a.start(), a.end())),
                a -> a.status() == AppointmentStatus.CONFIRMED && lastStepBy(a, AppointmentStatus.CONFIRMED, Role.DOCTOR));
    }

    /** The doctor declines a request with a reason; the same rejection again is a retry and answers it. */
    public Appointment reject(AccountId doctor, AppointmentId id, String reason) {
        String why = Justification.check("reason", reason);
        return change(id, doctor, Role.DOCTOR, (a, now) -> a.reject(now, why),
                a -> a.status() == AppointmentStatus.REJECTED && a.reason().equals(Optional.of(why)));
    }

    /**
     * A patient cancels with a justification (inside the doctor's late-cancellation notice it is
     * recorded as late); a doctor cancels a confirmed consultation with a reason.
     */
    public Appointment cancel(AccountId caller, Role role, AppointmentId id, String justification) {
        String why = Justification.check("justification", justification);
        // the same cancellation again (its answer was lost) answers the cancelled appointment
        Predicate<Appointment> retry = a -> a.status() == AppointmentStatus.CANCELLED
                && a.cancelledBy().equals(Optional.of(role)) && a.reason().equals(Optional.of(why));
        return role == Role.PATIENT
                ? change(id, caller, Role.PATIENT,
                        (a, now) -> a.cancelByPatient(now, why, rules.of(a.doctorId()).lateCancellationNotice()), retry)
                : change(id, caller, Role.DOCTOR, (a, now) -> a.cancelByDoctor(now, why), retry);
    }

    private static boolean lastStepBy(Appointment appointment, AppointmentStatus to, Role by) {
        List<Appointment.Transition> history = appointment.history();
        return !history.isEmpty() && history.get(history.size() - 1).to() == to
                && history.get(history.size() - 1).by().equals(Optional.of(by));
    }

    /**
     * The waiting patient takes a waitlist offer: a request answered by the usual deadline, or, when
     * the doctor books instantly, a confirmed consultation with its room.
     */
    Appointment acceptOffer(AccountId patient, AppointmentId id) {
        return change(id, patient, Role.PATIENT, (a, now) -> {
            Optional<br.com.healthmed.telehealth.MeetingRoom> room = rules.of(a.doctorId()).instantBooking()
                    ? Optional.of(meetingRooms.open(a.start(), a.end())) : Optional.empty();
            return a.acceptOffer(now, expiry.answerBy(now, a.start()), room);
        });
    }

    /** The waiting patient turns a waitlist offer down: the slot passes to the next in line. */
    Appointment declineOffer(AccountId patient, AppointmentId id) {
        // declining again (the answer was lost) answers the declined offer
        return change(id, patient, Role.PATIENT, (a, now) -> a.declineOffer(now),
                a -> a.status() == AppointmentStatus.CANCELLED && a.beganAsOffer() && !a.offerTaken()
                        && lastStepBy(a, AppointmentStatus.CANCELLED, Role.PATIENT));
    }

    public Appointment markNoShow(AccountId doctor, AppointmentId id) {
        return change(id, doctor, Role.DOCTOR, (a, now) -> a.markNoShow(now));
    }

    /** The patient rates a completed consultation, once; the doctor's totals count it. */
    public Appointment rate(AccountId patient, AppointmentId id, int stars, Optional<String> comment) {
        if (stars < 1 || stars > 5) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "stars", "stars must be 1 to 5");
        }
        Optional<String> text = comment.map(String::strip).filter(c -> !c.isEmpty());
        if (text.isPresent() && text.get().codePointCount(0, text.get().length()) > 1000) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "comment", "comment must have at most 1000 characters");
        }
        Appointment rated = change(id, patient, Role.PATIENT,
                (a, now) -> a.rate(now, new Appointment.Rating(stars, text, now)));
        Appointment.Rating rating = rated.rating().orElseThrow();
        // The review is stored once per appointment; only the call that stored it counts the stars.
        if (appointments.addReview(new AppointmentStore.Review(rated.id(), rated.doctorId(), stars, text, rating.ratedAt()))) {
            ratings.addRating(rated.doctorId(), stars);
        }
        return rated;
    }

    /**
     * Ends every upcoming appointment of the account through the usual moves, so each change is stored
     * with its events and the other participant is told as after any cancellation: a patient cancels
     * requests and confirmed consultations; a doctor rejects requests and cancels confirmed ones. For a
     * deactivation. Idempotent: what has ended already (or starts now) is left alone. Returns the
     * appointments this call ended.
     */
    public java.util.List<Appointment> endUpcoming(AccountId account, Role role, String reason) {
        String why = Justification.check("reason", reason);
        Instant now = clock.instant();
        Instant until = now.plus(UPCOMING_REACH);
        java.util.List<Appointment> ended = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        while (true) {
            AppointmentStore.Page page = role == Role.DOCTOR
                    ? appointments.ofDoctor(account, now, until, cursor, 100)
                    : appointments.ofPatient(account, now, until, cursor, 100);
            for (Appointment appointment : page.appointments()) {
                if (appointment.start().isAfter(now) && appointment.isActiveAt(now)) {
                    endIfStillUpcoming(appointment.id(), account, role, why).ifPresent(ended::add);
                }
            }
            if (!page.hasMore() || page.cursors().isEmpty()) {
                return ended;
            }
            cursor = Optional.of(page.cursors().get(page.cursors().size() - 1));
        }
    }

    private Optional<Appointment> endIfStillUpcoming(AppointmentId id, AccountId account, Role role, String why) {
        try {
            return Optional.of(role == Role.PATIENT
                    ? change(id, account, Role.PATIENT, (a, now) -> a.cancelByPatient(now, why))
                    : change(id, account, Role.DOCTOR, (a, now) -> a.statusAt(now) == AppointmentStatus.REQUESTED
                            ? a.reject(now, why) : a.cancelByDoctor(now, why)));
        } catch (DomainException endedMeanwhile) {
            if (endedMeanwhile.code() != SchedulingErrors.INVALID_APPOINTMENT_STATE) {
                throw endedMeanwhile;
            }
            return Optional.empty(); // answered, cancelled or started meanwhile: nothing left to end
        }
    }

    /**
     * Stores the move time has made for this appointment, if any (the sweep's step). Returns whether
     * the stored appointment changed. Losing a race to another change is fine: that change settled it.
     */
    boolean settle(AppointmentId id) {
        return settle(id, true);
    }

    /**
     * As {@link #settle(AppointmentId)}; {@code offerOnward} false keeps a slot it frees out of the
     * waitlist's reach for now (the doctor is removing or moving that slot: offering it would refuse
     * the doctor's change; the relay still offers it if it stays).
     */
    boolean settle(AppointmentId id, boolean offerOnward) {
        Instant now = clock.instant();
        Optional<Appointment> stored = appointments.find(id);
        if (stored.isEmpty()) {
            return false;
        }
        Appointment current = stored.get();
        Appointment settled = current.settledAt(now);
        if (settled == current) {
            return false;
        }
        willStore(Optional.of(current), settled);
        if (!appointments.update(settled, current.version())) {
            return false;
        }
        afterChange(current, settled, now, offerOnward);
        return true;
    }

    /**
     * Notes that {@code appointment} is about to be stored over {@code current} (empty: created), so
     * its events reach everyone even if this instance dies right after the write (see {@link EventRelay}).
     */
    void willStore(Optional<Appointment> current, Appointment appointment) {
        relay.expect(current, appointment);
    }

    /**
     * Delivers the events of {@code appointment}, stored over {@code current} (empty: created), to both
     * participants and every listener, soon.
     */
    void announce(Optional<Appointment> current, Appointment appointment) {
        relay.soon(current, appointment);
    }

    private interface Move {
        Appointment apply(Appointment appointment, Instant now);
    }

    private Appointment change(AppointmentId id, AccountId caller, Role role, Move move) {
        return change(id, caller, role, move, a -> false);
    }

    /**
     * Applies the caller's move to the stored appointment, under its version. {@code done} recognises a
     * retry of this very move whose answer was lost (the appointment already is where the move takes
     * it, by this caller): it answers the appointment as it is, so that sending the request again
     * always resolves an ambiguous answer, and changes nothing.
     */
    private Appointment change(AppointmentId id, AccountId caller, Role role, Move move, Predicate<Appointment> done) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Appointment current = appointments.find(id)
                    .filter(a -> (role == Role.DOCTOR ? a.doctorId() : a.patientId()).equals(caller))
                    .orElseThrow(() -> DomainException.notFound("Appointment"));
            Appointment settled = current.settledAt(now);
            if (done.test(settled)) {
                return settled;
            }
            Appointment changed = move.apply(current, now);
            willStore(Optional.of(current), changed);
            if (appointments.update(changed, current.version())) {
                afterChange(current, changed, now, true);
                return changed;
            }
            log.debug("Appointment {} changed concurrently (attempt {}); reading it again", id, attempt);
        }
        throw Contention.changingNow();
    }

    /**
     * What follows a stored change. Each step is tried on its own and a failure is only logged: the
     * change is stored, and what a failed step leaves behind is healed when next touched (a slot or a
     * place held by an ended appointment counts as free; the sweep re-checks confirmed consultations).
     */
    private void afterChange(Appointment current, Appointment changed, Instant now, boolean offerOnward) {
        if (frees(changed.status()) && !(offerOnward && offeredOnward(changed))) {
            bestEffort("free the slot of", changed, () -> slots.release(changed.slotId(), changed.id()));
            takenSlots.freed(changed.slotId());
        }
        if (!changed.status().isActive()) {
            bestEffort("release the patient's place for", changed, () -> activeBookings.release(changed.patientId(), changed.id()));
        } else if (changed.status() == AppointmentStatus.CONFIRMED) {
            bestEffort("schedule the completion of", changed,
                    () -> appointments.scheduleCheck(new AppointmentStore.DueCheck(changed.id(), changed.end())));
        } else if (changed.status() == AppointmentStatus.REQUESTED && current.status() == AppointmentStatus.OFFERED) {
            bestEffort("schedule the expiry of", changed,
                    () -> appointments.scheduleCheck(new AppointmentStore.DueCheck(changed.id(), changed.answerBy())));
        }
        announce(Optional.of(current), changed);
        metrics.increment("healthmed.appointment.changes", "status", changed.status().name());
    }

    /**
     * Offers the slot an ended appointment leaves to the doctor's waitlist at once, taken straight over
     * from its hold, so the slot is never free for anyone in between; true when an offer now holds it.
     * Without waiters (or on failure) the slot is released; the relay's delivery of the change offers
     * it again, durably, should this step be lost.
     */
    private boolean offeredOnward(Appointment ended) {
        WaitlistOffers offers = waitlist.getIfAvailable();
        if (offers == null || !ended.start().isAfter(clock.instant())) {
            return false;
        }
        try {
            return offers.offer(ended.slotId()).isPresent();
        } catch (RuntimeException e) {
            log.warn("Could not offer the slot of appointment {} to the waitlist now; the relay will: {}", ended.id(), e.toString());
            return false;
        }
    }

    private static void bestEffort(String what, Appointment appointment, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Could not {} appointment {}; it heals when next touched", what, appointment.id(), e);
        }
    }

    /**
     * Whether the slot goes back to the agenda. A consultation that took place (or was missed) keeps
     * its past slot, so the doctor's agenda still shows it.
     */
    private static boolean frees(AppointmentStatus status) {
        return status == AppointmentStatus.REJECTED || status == AppointmentStatus.CANCELLED || status == AppointmentStatus.EXPIRED;
    }

    /** Reasons and justifications: required, 10 to 500 characters, so the other side learns something. */
    static final class Justification {
        private Justification() {}

        static String check(String field, String text) {
            String stripped = text == null ? "" : text.strip();
            int length = stripped.codePointCount(0, stripped.length());
            if (length < 10 || length > 500) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, field + " must have 10 to 500 characters");
            }
            return stripped;
        }
    }
}
