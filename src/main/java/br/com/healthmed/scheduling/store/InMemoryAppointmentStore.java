package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.SortKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/** Appointments in memory, with the same ordering and cursors as the DynamoDB adapter. */
class InMemoryAppointmentStore implements AppointmentStore {

    private final Map<AppointmentId, Appointment> byId = new ConcurrentHashMap<>();
    private final Map<AccountId, NavigableMap<String, AppointmentId>> byPatient = new ConcurrentHashMap<>();
    private final Map<AccountId, NavigableMap<String, AppointmentId>> byDoctor = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<DueCheck> checks = new ConcurrentSkipListSet<>(
            Comparator.comparing(DueCheck::at).thenComparing(c -> c.appointmentId().value()));
    private final Map<AccountId, NavigableMap<String, Review>> reviews = new ConcurrentHashMap<>();

    private final Set<AppointmentId> abandoned = ConcurrentHashMap.newKeySet();

    @Override
    public boolean create(Appointment appointment) {
        synchronized (abandoned) {
            if (abandoned.contains(appointment.id()) || byId.putIfAbsent(appointment.id(), appointment) != null) {
                return false;
            }
        }
        String key = SortKeys.of(appointment.start(), appointment.id());
        byPatient.computeIfAbsent(appointment.patientId(), p -> new ConcurrentSkipListMap<>()).put(key, appointment.id());
        byDoctor.computeIfAbsent(appointment.doctorId(), d -> new ConcurrentSkipListMap<>()).put(key, appointment.id());
        return true;
    }

    @Override
    public boolean abandon(AppointmentId id) {
        synchronized (abandoned) {
            if (byId.containsKey(id)) {
                return false;
            }
            abandoned.add(id);
            return true;
        }
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Map<AppointmentId, Appointment> findAll(Collection<AppointmentId> ids) {
        Map<AppointmentId, Appointment> found = new HashMap<>();
        for (AppointmentId id : ids) {
            Appointment appointment = byId.get(id);
            if (appointment != null) {
                found.put(id, appointment);
            }
        }
        return found;
    }

    @Override
    public boolean update(Appointment updated, long expectedVersion) {
        boolean[] written = {false};
        byId.computeIfPresent(updated.id(), (id, current) -> {
            if (current.version() != expectedVersion) {
                return current;
            }
            written[0] = true;
            return updated;
        });
        return written[0];
    }

    @Override
    public Page ofPatient(AccountId patientId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction) {
        return page(byPatient.get(patientId), from, to, cursor, limit, direction);
    }

    @Override
    public Page ofDoctor(AccountId doctorId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction) {
        return page(byDoctor.get(doctorId), from, to, cursor, limit, direction);
    }

    private Page page(@Nullable NavigableMap<String, AppointmentId> index, Instant from, Instant to, Optional<String> cursor, int limit,
                      Direction direction) {
        if (index == null || !to.isAfter(from)) {
            return new Page(List.of(), List.of(), false);
        }
        String low = SortKeys.instant(from);
        String high = SortKeys.instant(to);
        NavigableMap<String, AppointmentId> range;
        if (direction == Direction.BACKWARD) {
            if (cursor.filter(b -> b.compareTo(low) <= 0).isPresent()) {
                return new Page(List.of(), List.of(), false);
            }
            range = cursor.filter(b -> b.compareTo(high) < 0)
                    .map(b -> index.subMap(low, true, b, false))
                    .orElseGet(() -> index.subMap(low, true, high, false)).descendingMap();
        } else {
            if (cursor.filter(a -> a.compareTo(high) >= 0).isPresent()) {
                return new Page(List.of(), List.of(), false);
            }
            range = cursor.filter(a -> a.compareTo(low) >= 0)
                    .map(a -> index.subMap(a, false, high, false))
                    .orElseGet(() -> index.subMap(low, true, high, false));
        }
        List<Appointment> found = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Map.Entry<String, AppointmentId> entry : range.entrySet()) {
            if (found.size() == limit) {
                return new Page(found, cursors, true);
            }
            found.add(byId.get(entry.getValue()));
            cursors.add(entry.getKey());
        }
        return new Page(found, cursors, false);
    }

    @Override
    public void scheduleCheck(DueCheck check) {
        checks.add(check);
    }

    @Override
    public List<DueCheck> dueChecks(Instant now, int limit) {
        return checks.stream().takeWhile(c -> !c.at().isAfter(now)).limit(limit).toList();
    }

    @Override
    public void clearCheck(DueCheck check) {
        checks.remove(check);
    }

    @Override
    public boolean addReview(Review review) {
        return reviews.computeIfAbsent(review.doctorId(), d -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()))
                .putIfAbsent(SortKeys.of(review.ratedAt(), review.appointmentId()), review) == null;
    }

    @Override
    public ReviewPage reviewsOf(AccountId doctorId, Optional<String> after, int limit) {
        NavigableMap<String, Review> all = reviews.getOrDefault(doctorId, new ConcurrentSkipListMap<>(Comparator.reverseOrder()));
        NavigableMap<String, Review> rest = after.map(a -> all.tailMap(a, false)).orElse(all);
        List<Review> found = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Map.Entry<String, Review> entry : rest.entrySet()) {
            if (found.size() == limit) {
                return new ReviewPage(found, cursors, true);
            }
            found.add(entry.getValue());
            cursors.add(entry.getKey());
        }
        return new ReviewPage(found, cursors, false);
    }
}
