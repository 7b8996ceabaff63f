package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.Reminder;
import br.com.healthmed.notifications.ReminderStore;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reminders in memory; every operation holds the store's lock, so claims are atomic. */
class InMemoryReminderStore implements ReminderStore {

    /** {@code leaseUntil}: absent while pending; {@code done}: never due again. */
    private record Entry(Reminder reminder, @Nullable Instant leaseUntil, boolean done) {}

    private final Map<AppointmentId, Map<Duration, Entry>> byAppointment = new HashMap<>();

    @Override
    public synchronized void plan(AppointmentId appointmentId, List<Reminder> reminders) {
        Map<Duration, Entry> planned = byAppointment.computeIfAbsent(appointmentId, id -> new HashMap<>());
        Map<Duration, Reminder> wanted = new HashMap<>();
        reminders.forEach(r -> wanted.put(r.lead(), r));
        planned.values().removeIf(entry -> !entry.reminder().equals(wanted.get(entry.reminder().lead())));
        wanted.forEach((lead, reminder) -> planned.putIfAbsent(lead, new Entry(reminder, null, false)));
    }

    @Override
    public synchronized void cancel(AppointmentId appointmentId) {
        byAppointment.remove(appointmentId);
    }

    @Override
    public synchronized List<Reminder> due(Instant now, Instant notBefore, int limit) {
        return byAppointment.values().stream().flatMap(m -> m.values().stream())
                .filter(entry -> !entry.done())
                .map(Entry::reminder)
                .filter(r -> !r.dueAt().isAfter(now) && !r.dueAt().isBefore(notBefore))
                .sorted(Comparator.comparing(Reminder::dueAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean claim(Reminder reminder, Instant now, Duration lease) {
        Entry entry = entryOf(reminder);
        if (entry == null || entry.done() || (entry.leaseUntil() != null && !entry.leaseUntil().isBefore(now))) {
            return false;
        }
        byAppointment.get(reminder.appointmentId()).put(reminder.lead(), new Entry(reminder, now.plus(lease), false));
        return true;
    }

    @Override
    public synchronized void done(Reminder reminder) {
        if (entryOf(reminder) != null) {
            byAppointment.get(reminder.appointmentId()).put(reminder.lead(), new Entry(reminder, null, true));
        }
    }

    /** The entry planned for exactly this reminder (same start), if any. */
    private @Nullable Entry entryOf(Reminder reminder) {
        Map<Duration, Entry> planned = byAppointment.get(reminder.appointmentId());
        Entry entry = planned == null ? null : planned.get(reminder.lead());
        return entry != null && Objects.equals(entry.reminder(), reminder) ? entry : null;
    }
}
