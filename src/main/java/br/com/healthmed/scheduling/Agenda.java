package br.com.healthmed.scheduling;

import br.com.healthmed.directory.PracticeTerms;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageDeadline;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * A doctor's availability: publishing slots (one by one or by a weekly rule), moving, removing and
 * blocking them, and reading agendas. A slot with an active appointment is never changed.
 */
@Service
@NamedInterface("api")
public class Agenda {

    /** The most slots one call may publish (a weekly rule over 90 days stays far below). */
    static final int MAX_SLOTS_PER_CALL = 2_000;
    private static final int MAX_SLOTS_PER_READ = 5_000;
    /** Slots read per doctor and page when looking for the earliest free one (the first ones are usually free). */
    private static final int EARLIEST_CANDIDATES = 50;
    private static final int EARLIEST_PAGES = 4;

    private final SlotStore slots;
    private final AppointmentStore appointments;
    private final Practices practices;
    private final Holds holds;
    private final SchedulingProperties properties;
    private final DoctorBookingRules rules;
    private final PublishedSlotOffers toWaitlist;
    private final Clock clock;
    /** Reads agendas in parallel for a request (a search page's next free slots), within its storage deadline. */
    private final ExecutorService readers = StorageDeadline.propagating(Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "agenda-reader");
        thread.setDaemon(true);
        return thread;
    }));

    Agenda(SlotStore slots, AppointmentStore appointments, Practices practices, Holds holds, SchedulingProperties properties,
           DoctorBookingRules rules, PublishedSlotOffers toWaitlist, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.practices = practices;
        this.holds = holds;
        this.properties = properties;
        this.rules = rules;
        this.toWaitlist = toWaitlist;
        this.clock = clock;
    }

    /** A slot to publish; without an end it lasts the doctor's consultation length. */
    public record NewSlot(Instant start, Optional<Instant> end) {}

    /** A slot as its reader sees it: {@code appointment} only for its doctor, {@code free} for everyone. */
    public record AgendaSlot(Slot slot, boolean free, Optional<BigDecimal> price, Optional<Appointment> appointment) {}

    public List<AgendaSlot> publish(AccountId doctorId, List<NewSlot> requested) {
        PracticeTerms terms = practices.of(doctorId);
        List<Slot> newSlots = requested.stream()
                .map(s -> {
                    Instant end = s.end().orElse(s.start().plus(terms.consultationDuration()));
                    requireOrdered(s.start(), end, "slots");
                    return Slot.free(doctorId, s.start(), end);
                })
                .sorted(Comparator.comparing(Slot::start))
                .toList();
        return add(terms, newSlots, "slots");
    }

    public List<AgendaSlot> publishWeekly(AccountId doctorId, LocalDate from, LocalDate to, Set<DayOfWeek> days,
                                    LocalTime startTime, LocalTime endTime, Duration gap) {
        PracticeTerms terms = practices.of(doctorId);
        if (to.isBefore(from)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "input.to", "to must not be before from");
        }
        if (!endTime.isAfter(startTime)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.endTime", "endTime must be after startTime");
        }
        if (gap.isNegative() || gap.compareTo(Duration.ofHours(4)) > 0) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.gapMinutes", "gapMinutes must be 0 to 240");
        }
        if (days.isEmpty()) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.days", "choose at least one weekday");
        }
        Instant now = clock.instant();
        if (from.isBefore(now.atZone(terms.timeZone()).toLocalDate())) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "input.from", "from must be today or later");
        }
        LocalDate lastDay = now.plus(properties.horizon()).atZone(terms.timeZone()).toLocalDate();
        if (to.isAfter(lastDay)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "input.to",
                    "Slots can be published up to " + properties.horizon().toDays() + " days ahead (until " + lastDay + ").");
        }
        // the doctor's buffer is the least gap between consultations
        Duration buffer = rules.of(doctorId).buffer();
        WeeklyRule rule = new WeeklyRule(from, to, days, startTime, endTime, terms.consultationDuration(),
                gap.compareTo(buffer) < 0 ? buffer : gap);
        List<Slot> newSlots = rule.expand(terms.timeZone()).stream()
                .filter(i -> i.start().isAfter(now)) // today's hours already gone are skipped, not refused
                .map(i -> Slot.free(doctorId, i.start(), i.end()))
                .toList();
        if (newSlots.isEmpty()) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input", "This rule makes no future slot.");
        }
        return add(terms, newSlots, "input");
    }

    /**
     * Moves a free future slot to another time. The moved slot gets a new id: a patient who read the old
     * one and books it just after the move finds it gone instead of booking the new time unknowingly.
     */
    public AgendaSlot move(AccountId doctorId, SlotId slotId, Instant start, Optional<Instant> end) {
        PracticeTerms terms = practices.of(doctorId);
        Slot slot = ownFutureSlot(doctorId, slotId);
        Optional<Slot.Hold> ended = requireNoActiveAppointment(slot);
        Instant newEnd = end.orElse(start.plus(slot.duration()));
        requireOrdered(start, newEnd, "start");
        Slot moved = Slot.free(doctorId, start, newEnd);
        validate(List.of(moved), "start");
        // Check the new time first (only the slot it replaces may be in the way), remove the old slot,
        // then publish the new one; if another publication took the new time meanwhile, the old slot is
        // put back as it was.
        Optional<Slot> conflict = slots.ofDoctor(doctorId, start.minus(properties.maxSlot()), newEnd, MAX_SLOTS_PER_READ).stream()
                .filter(s -> !s.id().equals(slotId) && s.overlaps(start, newEnd))
                .findFirst();
        conflict.ifPresent(c -> { throw overlap(c, "start"); });
        if (!slots.remove(slotId, ended)) {
            throw hasAppointment();
        }
        Optional<Slot> raced = slots.addAll(doctorId, List.of(moved));
        if (raced.isPresent()) {
            slots.addAll(doctorId, List.of(slot.released()));
            throw overlap(raced.get(), "start");
        }
        return free(moved, terms);
    }

    public void remove(AccountId doctorId, SlotId slotId) {
        Slot slot = ownFutureSlot(doctorId, slotId);
        if (!slots.remove(slotId, requireNoActiveAppointment(slot))) {
            throw hasAppointment();
        }
    }

    /**
     * Blocks a period of at most 31 days (a vacation): removes every free future slot that overlaps it.
     * Refused, removing nothing, when a slot in the period has an active appointment: cancel those
     * first. (A booking that lands while the removal runs stops it there, with the same error.)
     */
    public int block(AccountId doctorId, Instant from, Instant to) {
        checkRange(from, to, properties.maxRange());
        Instant now = clock.instant();
        List<Slot> inPeriod = slots.ofDoctor(doctorId, from.minus(properties.maxSlot()), to, MAX_SLOTS_PER_READ).stream()
                .filter(s -> s.overlaps(from, to) && s.start().isAfter(now))
                .toList();
        Map<SlotId, Optional<Slot.Hold>> removable = new LinkedHashMap<>();
        for (Slot slot : inPeriod) {
            removable.put(slot.id(), requireNoActiveAppointment(slot));
        }
        int removed = 0;
        for (Map.Entry<SlotId, Optional<Slot.Hold>> entry : removable.entrySet()) {
            if (!slots.remove(entry.getKey(), entry.getValue())) {
                throw hasAppointment(); // booked meanwhile: the rest stays as it was
            }
            removed++;
        }
        return removed;
    }

    /**
     * Removes every free future slot of the doctor, up to the publishing horizon, so nothing of the
     * doctor's stays bookable (a deactivation). Slots with an active appointment stay: cancel those
     * through the appointment's life cycle. Idempotent; a slot booked while this runs stays with its
     * booking. Returns how many slots were removed.
     */
    public int removeFreeSlots(AccountId doctorId) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.horizon()).plus(properties.maxSlot());
        int removed = 0;
        Instant from = now;
        while (true) {
            List<Slot> found = slots.ofDoctor(doctorId, from, until, MAX_SLOTS_PER_READ);
            Map<AppointmentId, Appointment> holders = holders(found);
            for (Slot slot : found) {
                if (!slot.start().isAfter(now) || !holds.isFree(slot, holders, now)) {
                    continue; // booked or started: kept (the cheap check first, from the holders read in one batch)
                }
                Holds.Replaceable replaceable = holds.replaceableByTheDoctor(slot);
                if (!replaceable.live() && slots.remove(slot.id(), replaceable.staleHold())) {
                    removed++;
                }
            }
            if (found.size() < MAX_SLOTS_PER_READ) {
                return removed;
            }
            from = found.get(found.size() - 1).start().plusSeconds(1);
        }
    }

    /** The doctor's free future slots in the period, with the price a booking would pay. */
    public List<AgendaSlot> freeSlots(AccountId doctorId, Instant from, Instant to) {
        checkRange(from, to, properties.maxRange());
        PracticeTerms terms = practices.of(doctorId);
        Instant now = clock.instant();
        List<Slot> found = slots.ofDoctor(doctorId, max(from, now), to, MAX_SLOTS_PER_READ);
        Map<AppointmentId, Appointment> holders = holders(found);
        BookingRules doctorRules = rules.of(doctorId);
        return found.stream()
                .filter(s -> s.start().isAfter(now) && holds.isFree(s, holders, now) && DoctorBookingRules.allows(doctorRules, s.start(), now))
                .map(s -> free(s, terms))
                .toList();
    }

    /**
     * One slot looked up by id ({@code node(id:)}) as {@link #asSeenBy} shows it, when {@code viewer} (empty
     * when anonymous) may look it up: its doctor, the patient of the appointment on it, or anyone while it is
     * bookable (as {@link #freeSlots} lists it); otherwise empty. Never more than the typed fields show.
     */
    public Optional<AgendaSlot> seenBy(Optional<AccountId> viewer, SlotId id) {
        return sights(viewer, List.of(id)).stream().filter(Sight::findable).map(Sight::slot).findFirst();
    }

    /** Every slot of the doctor in the period, each with its active appointment. */
    public List<AgendaSlot> ownSlots(AccountId doctorId, Instant from, Instant to) {
        checkRange(from, to, properties.maxRange());
        PracticeTerms terms = practices.of(doctorId);
        Instant now = clock.instant();
        List<Slot> found = slots.ofDoctor(doctorId, from, to, MAX_SLOTS_PER_READ);
        Map<AppointmentId, Appointment> holders = holders(found);
        return found.stream().map(s -> ownView(s, holders, terms, now)).toList();
    }

    /**
     * Slots as {@code viewer} sees them now, read after a change of their availability (a booking, a
     * cancellation, a move) for the change's answer: free as in the doctor's own agenda, and the
     * appointment on it only when the viewer is the slot's doctor or that appointment's patient, so that
     * nobody sees another patient's booking through a slot (a freed slot may be offered to the next
     * waiter at once). A slot removed meanwhile is left out; the order of {@code ids} is kept.
     */
    public List<AgendaSlot> asSeenBy(AccountId viewer, List<SlotId> ids) {
        return sights(Optional.of(viewer), ids).stream().map(Sight::slot).toList();
    }

    /** A slot as one viewer sees it, and whether they may look it up by id without having just acted on it. */
    private record Sight(AgendaSlot slot, boolean findable) {}

    /**
     * The one rule for who sees what of a slot read by id (a payload's slot, {@code node(id:)}): the
     * appointment on it only for the slot's doctor and that appointment's patient; a lookup by id for them,
     * and for anyone else only while the slot is bookable.
     */
    private List<Sight> sights(Optional<AccountId> viewer, List<SlotId> ids) {
        Instant now = clock.instant();
        List<Slot> found = ids.stream().distinct().map(slots::find).flatMap(Optional::stream).toList();
        Map<AppointmentId, Appointment> holders = holders(found);
        Map<AccountId, PracticeTerms> terms = new HashMap<>();
        return found.stream().map(s -> {
            AgendaSlot seen = ownView(s, holders, terms.computeIfAbsent(s.doctorId(), practices::of), now);
            boolean involved = viewer.isPresent() && (s.doctorId().equals(viewer.get())
                    || seen.appointment().filter(a -> a.patientId().equals(viewer.get())).isPresent());
            if (involved) {
                return new Sight(seen, true);
            }
            boolean bookable = seen.free() && DoctorBookingRules.allows(rules.of(s.doctorId()), s.start(), now);
            return new Sight(new AgendaSlot(s, seen.free(), seen.price(), Optional.empty()), bookable);
        }).toList();
    }

    /** A slot as its doctor's agenda shows it: free or not, and the appointment on it (active or ended as a consultation). */
    private AgendaSlot ownView(Slot s, Map<AppointmentId, Appointment> holders, PracticeTerms terms, Instant now) {
        Optional<Appointment> appointment = s.hold().map(h -> holders.get(h.appointmentId()))
                .filter(a -> a.slotId().equals(s.id())) // not an appointment whose move to this slot is under way
                .map(a -> a.settledAt(now))
                .filter(a -> a.status().isActive() || a.status() == AppointmentStatus.COMPLETED
                        || a.status() == AppointmentStatus.NO_SHOW);
        boolean free = holds.isFree(s, holders, now) && s.start().isAfter(now);
        return new AgendaSlot(s, free, terms.consultationPrice(), appointment);
    }

    /**
     * The earliest free slot of each doctor after {@code after}, within the horizon, by the same rule
     * as the agenda: one read per doctor (a few more for a doctor whose next slots are all booked), in
     * parallel — a search page asks for about twenty doctors at once.
     */
    public Map<AccountId, Slot> earliestFree(Collection<AccountId> doctorIds, Instant after) {
        Map<AccountId, CompletableFuture<Optional<Slot>>> reads = new LinkedHashMap<>();
        for (AccountId doctorId : new LinkedHashSet<>(doctorIds)) {
            reads.put(doctorId, CompletableFuture.supplyAsync(() -> earliestFree(doctorId, after), readers));
        }
        Map<AccountId, Slot> earliest = new HashMap<>();
        reads.forEach((doctorId, read) -> read.join().ifPresent(slot -> earliest.put(doctorId, slot)));
        return earliest;
    }

    private Optional<Slot> earliestFree(AccountId doctorId, Instant after) {
        BookingRules doctorRules = rules.of(doctorId);
        Instant from = after.plus(doctorRules.minimumNotice());
        Instant until = after.plus(doctorRules.maximumAdvance());
        for (int page = 0; page < EARLIEST_PAGES; page++) {
            List<Slot> candidates = slots.ofDoctor(doctorId, from, until, EARLIEST_CANDIDATES);
            Map<AppointmentId, Appointment> holders = holders(candidates);
            Optional<Slot> free = candidates.stream().filter(s -> s.start().isAfter(after) && holds.isFree(s, holders, after)
                    && DoctorBookingRules.allows(doctorRules, s.start(), after)).findFirst();
            if (free.isPresent() || candidates.size() < EARLIEST_CANDIDATES) {
                return free;
            }
            from = candidates.get(candidates.size() - 1).start().plusSeconds(1);
        }
        return Optional.empty();
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdown();
    }

    /**
     * Publishes {@code newSlots}, all or none, and answers them in order. A new slot identical to one the
     * doctor already has (same start and end) is answered as that slot, not refused: a publication whose
     * answer was lost (a timeout after its commit point, a cut connection) is sent again by its client,
     * and the retry then answers what the first attempt made instead of {@code SLOT_OVERLAP} against it.
     * Only a slot that overlaps a <em>different</em> one is refused. The identical ones are looked for
     * only after a refusal, so a publication that collides with nothing costs no extra read.
     */
    private List<AgendaSlot> add(PracticeTerms terms, List<Slot> newSlots, String field) {
        validate(newSlots, field);
        requireBuffer(terms.doctorId(), newSlots, field);
        AccountId doctorId = terms.doctorId();
        // noted before the slots are stored, so a crash after their store still offers them to the waitlist
        // (a slot of the note that is never stored — refused, or identical to one published before — is skipped)
        List<PublicationsToOffer.Marker> toOffer = toWaitlist.note(newSlots.stream().map(Slot::id).toList());
        Map<Slot, Slot> published = Map.of();
        List<Slot> added = newSlots;
        Optional<Slot> conflict;
        try {
            conflict = slots.addAll(doctorId, added);
            if (conflict.isPresent()) {
                published = alreadyPublished(doctorId, newSlots);
                if (published.isEmpty()) {
                    throw overlap(conflict.get(), field);
                }
                Map<Slot, Slot> identical = published;
                added = newSlots.stream().filter(s -> !identical.containsKey(s)).toList();
                conflict = added.isEmpty() ? Optional.empty() : slots.addAll(doctorId, added);
                if (conflict.isPresent()) {
                    throw overlap(conflict.get(), field);
                }
            }
        } catch (DomainException refused) {
            toWaitlist.forget(toOffer);
            throw refused;
        }
        if (added.isEmpty()) {
            toWaitlist.forget(toOffer); // every slot was published before: their own publication offered them
        } else {
            toWaitlist.published(toOffer);
        }
        if (published.isEmpty()) {
            return newSlots.stream().map(s -> free(s, terms)).toList();
        }
        Map<AppointmentId, Appointment> holders = holders(List.copyOf(published.values()));
        Instant now = clock.instant();
        Map<Slot, Slot> existing = published;
        return newSlots.stream().map(s -> existing.containsKey(s) ? ownView(existing.get(s), holders, terms, now) : free(s, terms))
                .toList();
    }

    /** Of {@code newSlots} (sorted by start), those identical to a slot the doctor has, each with that slot. */
    private Map<Slot, Slot> alreadyPublished(AccountId doctorId, List<Slot> newSlots) {
        Instant from = newSlots.get(0).start();
        Instant to = newSlots.get(newSlots.size() - 1).start().plusSeconds(1);
        Map<List<Instant>, Slot> byTimes = new HashMap<>();
        for (Slot s : slots.ofDoctor(doctorId, from, to, MAX_SLOTS_PER_READ)) {
            byTimes.put(List.of(s.start(), s.end()), s);
        }
        Map<Slot, Slot> found = new IdentityHashMap<>();
        for (Slot s : newSlots) {
            Slot same = byTimes.get(List.of(s.start(), s.end()));
            if (same != null) {
                found.put(s, same);
            }
        }
        return found;
    }

    /**
     * The doctor's buffer between consultations: no new slot closer than it to another new one or to
     * an existing slot ({@code SLOT_WITHIN_BUFFER}). Checked against the slots read before the
     * publication's commit point: two publications racing each other may end closer than the buffer
     * (never overlapping: that is the layout's conditional write).
     */
    private void requireBuffer(AccountId doctorId, List<Slot> newSlots, String field) {
        Duration buffer = rules.of(doctorId).buffer();
        if (buffer.isZero()) {
            return;
        }
        Instant first = newSlots.get(0).start();
        Instant last = newSlots.get(newSlots.size() - 1).end();
        List<Slot> around = new ArrayList<>(slots.ofDoctor(doctorId, first.minus(properties.maxSlot()).minus(buffer),
                last.plus(buffer), MAX_SLOTS_PER_READ));
        around.addAll(newSlots);
        around.sort(Comparator.comparing(Slot::start));
        Set<SlotId> added = newSlots.stream().map(Slot::id).collect(Collectors.toSet());
        for (int i = 1; i < around.size(); i++) {
            Slot before = around.get(i - 1);
            Slot after = around.get(i);
            boolean involvesNew = added.contains(before.id()) || added.contains(after.id());
            if (involvesNew && before.end().plus(buffer).isAfter(after.start()) && !before.end().isAfter(after.start())) {
                Slot existing = added.contains(before.id()) ? after : before;
                throw new DomainException(SchedulingErrors.SLOT_WITHIN_BUFFER, "Closer than your " + buffer.toMinutes()
                        + "-minute buffer to the slot from " + existing.start() + " to " + existing.end() + ".",
                        Map.of("field", field, "slotId", br.com.healthmed.platform.graphql.GlobalId.encode("Slot", existing.id()), "bufferMinutes", buffer.toMinutes()));
            }
        }
    }

    private static AgendaSlot free(Slot slot, PracticeTerms terms) {
        return new AgendaSlot(slot, true, terms.consultationPrice(), Optional.empty());
    }

    private void validate(List<Slot> newSlots, String field) {
        if (newSlots.isEmpty() || newSlots.size() > MAX_SLOTS_PER_CALL) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "Publish 1 to " + MAX_SLOTS_PER_CALL + " slots at a time.");
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(properties.horizon());
        Slot previous = null;
        for (Slot slot : newSlots) {
            if (slot.start().getNano() != 0 || slot.end().getNano() != 0) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "Slot times are whole seconds (" + slot.start() + ").");
            }
            if (!slot.start().isAfter(now)) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A slot must start in the future (" + slot.start() + ").");
            }
            if (slot.start().isAfter(horizon)) {
                throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, field,
                        "Slots can be published up to " + properties.horizon().toDays() + " days ahead.");
            }
            Duration length = slot.duration();
            if (length.compareTo(properties.minSlot()) < 0 || length.compareTo(properties.maxSlot()) > 0) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A slot lasts " + properties.minSlot().toMinutes()
                        + " to " + properties.maxSlot().toMinutes() + " minutes.");
            }
            if (previous != null && previous.overlaps(slot.start(), slot.end())) {
                throw overlap(previous, field);
            }
            previous = slot;
        }
    }

    /** The caller's own slot, not started yet (a past slot is the record of a consultation). */
    private Slot ownFutureSlot(AccountId doctorId, SlotId slotId) {
        Slot slot = slots.find(slotId).filter(s -> s.doctorId().equals(doctorId))
                .orElseThrow(() -> DomainException.notFound("Slot"));
        if (!slot.start().isAfter(clock.instant())) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "slotId", "This slot has started; past slots are kept as they were.");
        }
        return slot;
    }

    /** The ended holder to replace, if any; SLOT_HAS_APPOINTMENT when the slot's appointment is live. */
    private Optional<Slot.Hold> requireNoActiveAppointment(Slot slot) {
        Holds.Replaceable replaceable = holds.replaceableByTheDoctor(slot);
        if (replaceable.live()) {
            throw hasAppointment();
        }
        return replaceable.staleHold();
    }

    private Map<AppointmentId, Appointment> holders(List<Slot> found) {
        Set<AppointmentId> ids = found.stream().flatMap(s -> s.hold().stream()).map(Slot.Hold::appointmentId)
                .collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : appointments.findAll(ids);
    }

    private void checkRange(Instant from, Instant to, Duration longest) {
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        if (!to.isAfter(from)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "to", "to must be after from");
        }
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "to",
                    "A period covers at most " + longest.toDays() + " days per call.");
        }
    }

    private static void requireOrdered(Instant start, Instant end, String field) {
        TimeBounds.check(field, start);
        TimeBounds.check(field, end);
        if (!end.isAfter(start)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A slot must end after it starts (" + start + ").");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static DomainException overlap(Slot existing, String field) {
        return new DomainException(SchedulingErrors.SLOT_OVERLAP, "Overlaps the slot from " + existing.start() + " to " + existing.end() + ".",
                Map.of("field", field, "slotId", br.com.healthmed.platform.graphql.GlobalId.encode("Slot", existing.id()), "start", existing.start().toString(),
                        "end", existing.end().toString()));
    }

    private static DomainException hasAppointment() {
        return new DomainException(SchedulingErrors.SLOT_HAS_APPOINTMENT,
                "This slot has an active appointment; reject or cancel it first.");
    }
}
