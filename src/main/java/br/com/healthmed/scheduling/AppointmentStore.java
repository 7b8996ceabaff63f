package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where appointments, the sweep's due checks and reviews live. Implementations must pass
 * {@code AppointmentStoreContract}.
 */
public interface AppointmentStore {

    /** Stores a new appointment; false, changing nothing, when one with this id exists (a retried request) or was abandoned. */
    boolean create(Appointment appointment);

    /** The appointment; empty when it does not exist or was abandoned. */
    Optional<Appointment> find(AppointmentId id);

    /**
     * Marks an appointment id that was never stored as abandoned, so that a late {@link #create} of it
     * fails: a slot claimed by a booking that died before storing its appointment can then be taken over
     * without that booking ever showing up. True when the id is (now) abandoned, false when the
     * appointment exists.
     */
    boolean abandon(AppointmentId id);

    /** Those of the ids that exist; others are absent from the map. */
    Map<AppointmentId, Appointment> findAll(Collection<AppointmentId> ids);

    /**
     * Writes {@code updated} only if the stored appointment still has {@code expectedVersion}:
     * of two concurrent changes of one appointment exactly one lands. False when it did not.
     */
    boolean update(Appointment updated, long expectedVersion);

    /** A patient's appointments starting in {@code [from, to)}, by start then id, after the cursor. */
    default Page ofPatient(AccountId patientId, Instant from, Instant to, Optional<String> after, int limit) {
        return ofPatient(patientId, from, to, after, limit, Direction.FORWARD);
    }

    /** A doctor's appointments, as {@link #ofPatient}. */
    default Page ofDoctor(AccountId doctorId, Instant from, Instant to, Optional<String> after, int limit) {
        return ofDoctor(doctorId, from, to, after, limit, Direction.FORWARD);
    }

    /**
     * A patient's appointments starting in {@code [from, to)}, strictly beyond the cursor {@code from}
     * in the direction of reading: FORWARD by start then id, BACKWARD the reverse (latest first).
     */
    Page ofPatient(AccountId patientId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction);

    /** A doctor's appointments, as {@link #ofPatient(AccountId, Instant, Instant, Optional, int, Direction)}. */
    Page ofDoctor(AccountId doctorId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction);

    /** Which way a list of appointments is read: by start, or back from the latest start. */
    enum Direction { FORWARD, BACKWARD }

    /** Asks the sweep to look at an appointment at {@code at} (a request's start, a consultation's end). */
    void scheduleCheck(DueCheck check);

    /** Checks due at or before {@code now}, oldest first. */
    List<DueCheck> dueChecks(Instant now, int limit);

    void clearCheck(DueCheck check);

    /**
     * Moves a check whose handling failed to {@code until}, counting the failure: the check at {@code until} with
     * {@code failures + 1} is stored before the one it replaces is cleared, so a cut between the two leaves both
     * (a duplicate, harmless: handling is idempotent), never none. Two instances postponing the same check to the
     * same {@code until} store the same item.
     */
    default void postponeCheck(DueCheck check, Instant until) {
        scheduleCheck(new DueCheck(check.appointmentId(), until, check.failures() + 1));
        clearCheck(check);
    }

    /** Stores the review of a rated appointment; true when stored now, false (changing nothing) when it was already. */
    boolean addReview(Review review);

    /** A doctor's reviews, newest first, after the cursor. */
    ReviewPage reviewsOf(AccountId doctorId, Optional<String> after, int limit);

    /** The appointments in the order read, the cursor of each, and whether more may follow that way. */
    record Page(List<Appointment> appointments, List<String> cursors, boolean hasMore) {}

    /** A check, and how many times its handling has failed so far (the sweep's backoff grows with it). */
    record DueCheck(AppointmentId appointmentId, Instant at, int failures) {
        public DueCheck(AppointmentId appointmentId, Instant at) {
            this(appointmentId, at, 0);
        }
    }

    record Review(AppointmentId appointmentId, AccountId doctorId, int stars, Optional<String> comment, Instant ratedAt) {}

    record ReviewPage(List<Review> reviews, List<String> cursors, boolean hasMore) {}
}
