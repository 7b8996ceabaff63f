package br.com.healthmed.notifications;

import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reminders waiting for their time, kept durably so that any instance's sweep sends them, and only
 * one instance each. Implementations must pass {@code ReminderStoreContract}.
 */
public interface ReminderStore {

    /**
     * Plans these reminders of one appointment (all with the same start): reminders of it planned for
     * another start, or with leads not listed, are dropped; one already planned for this start and lead
     * stays as it is (sent stays sent), so planning the same again changes nothing.
     */
    void plan(AppointmentId appointmentId, List<Reminder> reminders);

    /** Drops every reminder of the appointment. */
    void cancel(AppointmentId appointmentId);

    /** Reminders not yet done, due at or before {@code now} and not before {@code notBefore}, earliest first. */
    List<Reminder> due(Instant now, Instant notBefore, int limit);

    /**
     * Takes a due reminder for sending until {@code now + lease}: true for exactly one of any number of
     * concurrent callers, while it is still planned as given (same start) and not done; again once that
     * claim's lease has run out.
     */
    boolean claim(Reminder reminder, Instant now, Duration lease);

    /** The reminder was sent (or is moot): it is never due again. A reminder re-planned meanwhile is not touched. */
    void done(Reminder reminder);
}
