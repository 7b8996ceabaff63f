package br.com.healthmed.scheduling;

import static br.com.healthmed.scheduling.AppointmentStatus.CANCELLED;
import static br.com.healthmed.scheduling.AppointmentStatus.COMPLETED;
import static br.com.healthmed.scheduling.AppointmentStatus.CONFIRMED;
import static br.com.healthmed.scheduling.AppointmentStatus.EXPIRED;
import static br.com.healthmed.scheduling.AppointmentStatus.OFFERED;
import static br.com.healthmed.scheduling.AppointmentStatus.REJECTED;
import static br.com.healthmed.scheduling.AppointmentStatus.REQUESTED;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Model-based test of the waitlist, run by {@link BookingModelContract} on every storage adapter (in
 * its contexts). Seeded random sequences of joins and leaves, bookings racing the offers, the doctor's
 * and the patient's moves that free slots, offers accepted, declined and left to lapse as the clock
 * moves, and the sweep, against a reference model of a few rules: a freed slot goes to the first
 * waiter by join time who wants it, was not offered it before and may hold one more appointment; an
 * open offer holds the slot for that waiter alone; a lapsed or declined offer passes it on.
 *
 * <p>Offers are made by the event relay, in the background: after each step the test waits (polling
 * with a deadline) until the waitlist has taken in every event, then requires the offers made to be
 * the model's. When one step frees several slots at once (a sweep), the relay may offer them in any
 * order, so any order's outcome is accepted.
 */
final class WaitlistModel {

    private static final Duration OFFER_TIME = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BookingModelContract beans;
    private final MutableClock clock;
    final Map<String, Integer> seen = new java.util.TreeMap<>();

    WaitlistModel(BookingModelContract beans) {
        this.beans = beans;
        this.clock = beans.clock;
    }

    record ModelSlot(SlotId id, Instant start, Instant end) {}

    static final class M {
        final AppointmentId id;
        final ModelSlot slot;
        final AccountId patient;
        final boolean offer;
        Instant answerBy;
        AppointmentStatus status;
        boolean accepted;

        M(AppointmentId id, ModelSlot slot, AccountId patient, boolean offer, Instant answerBy) {
            this.id = id;
            this.slot = slot;
            this.patient = patient;
            this.offer = offer;
            this.answerBy = answerBy;
            this.status = offer ? OFFERED : REQUESTED;
        }

        AppointmentStatus statusAt(Instant now) {
            if ((status == REQUESTED || status == OFFERED) && !now.isBefore(answerBy)) {
                return EXPIRED;
            }
            if (status == CONFIRMED && !now.isBefore(slot.end())) {
                return COMPLETED;
            }
            return status;
        }

        boolean activeAt(Instant now) {
            return statusAt(now).isActive();
        }
    }

    void saw(String outcome) {
        seen.merge(outcome, 1, Integer::sum);
    }

    void run(long seed, int steps) {
        new Sequence(seed).run(steps);
    }

    final class Sequence extends SeededSequence {
        final Instant begin = clock.instant();
        AccountId doctor;
        final List<ModelSlot> modelSlots = new ArrayList<>();
        final List<AccountId> patients = new ArrayList<>();
        final Map<AppointmentId, M> model = new LinkedHashMap<>();
        final Map<AccountId, WaitlistEntry> entries = new LinkedHashMap<>();
        final Set<AppointmentId> offered = new HashSet<>();
        /** Which appointment's hold each slot item carries (not cleared by lazy expiry, only by a release). */
        final Map<SlotId, AppointmentId> holdOf = new HashMap<>();
        int keys;

        Sequence(long seed) {
            super("waitlist seed", seed, 40, clock);
        }

        void run(int steps) {
            DoctorAccount account = new DoctorAccount(AccountId.random(), "Dra. Fila", new Crm(Integer.toString(100_000 + random.nextInt(900_000)), "MG"),
                    List.of("PEDIATRIA"), "{test}not-a-real-hash", clock.instant());
            beans.accounts.create(account);
            doctor = account.id();
            List<Agenda.NewSlot> wanted = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                wanted.add(new Agenda.NewSlot(begin.plus(Duration.ofMinutes(60 + 30L * k)), Optional.of(begin.plus(Duration.ofMinutes(85 + 30L * k)))));
            }
            beans.agenda.publish(doctor, wanted).forEach(s -> modelSlots.add(new ModelSlot(s.slot().id(), s.slot().start(), s.slot().end())));
            awaitPublicationsOffered(beans.publishedSlotOffers);
            for (int p = 0; p < 5; p++) {
                patients.add(beans.given.patient());
            }
            for (int step = 1; step <= steps; step++) {
                step(step);
                verify();
            }
        }

        String who(AccountId patient) {
            return "patient " + patients.indexOf(patient);
        }

        void step(int step) {
            int dice = random.nextInt(100);
            if (dice < 18) {
                book(step);
            } else if (dice < 34) {
                join(step);
            } else if (dice < 38) {
                leave(step);
            } else if (dice < 48) {
                free(step, random.nextBoolean());
            } else if (dice < 53) {
                accept(step);
            } else if (dice < 66) {
                answerOffer(step, random.nextInt(4) != 0);
            } else if (dice < 86) {
                advance(step);
            } else {
                runSweep(step);
            }
        }

        // --- the model's rules ----------------------------------------------------------------------

        Optional<M> activeOn(ModelSlot slot, Instant now) {
            return model.values().stream().filter(m -> m.slot.equals(slot) && m.activeAt(now)).findFirst();
        }

        boolean holdsAPlace(AccountId patient, Instant now, Set<AccountId> alsoActive) {
            return alsoActive.contains(patient) || model.values().stream()
                    .anyMatch(m -> m.patient.equals(patient) && m.activeAt(now) && m.slot.start().isAfter(now));
        }

        /** The first waiter by join order who may get the slot now; {@code alsoOffered}: offers made in the same step. */
        Optional<WaitlistEntry> firstEligible(ModelSlot slot, Instant now, Set<AccountId> alsoOffered) {
            if (!slot.start().isAfter(now)) {
                return Optional.empty();
            }
            return entries.values().stream().sorted(Comparator.comparing(WaitlistEntry::joinOrder))
                    .filter(e -> e.wants(slot.start()) && !offered.contains(e.offerOf(slot.id()))
                            && !holdsAPlace(e.patientId(), now, alsoOffered))
                    .findFirst();
        }

        /** Every outcome of offering these freed slots one after the other, in any order. */
        Set<Map<SlotId, Optional<AccountId>>> outcomes(List<ModelSlot> freed, Instant now) {
            Set<Map<SlotId, Optional<AccountId>>> outcomes = new HashSet<>();
            for (List<ModelSlot> order : permutations(freed)) {
                Map<SlotId, Optional<AccountId>> outcome = new HashMap<>();
                Set<AccountId> madeNow = new HashSet<>();
                for (ModelSlot slot : order) {
                    Optional<AccountId> to = activeOn(slot, now).isPresent() ? Optional.empty()
                            : firstEligible(slot, now, madeNow).map(WaitlistEntry::patientId);
                    to.ifPresent(madeNow::add);
                    outcome.put(slot.id(), to);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        }

        /** After a step that freed slots: waits for the relay's offers and requires them to be one of the model's outcomes. */
        void offersAfterFreeing(List<ModelSlot> freed) {
            if (freed.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Set<Map<SlotId, Optional<AccountId>>> expected = outcomes(freed, now);
            long deadline = System.nanoTime() + WAIT.toNanos();
            Map<SlotId, Optional<AccountId>> observed = Map.of();
            long nudgeAt = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < deadline) {
                if (waitlistCaughtUp()) {
                    observed = observedOffers(freed, now);
                    if (expected.contains(observed)) {
                        break;
                    }
                } else if (System.nanoTime() > nudgeAt) {
                    // An entry whose immediate delivery was skipped (the relay's queue was busy, or two
                    // relays met and one backed off) waits for the relay's sweep, due seconds later on a
                    // running clock — which never comes on this model's stopped one. Run that sweep's
                    // step for the lagging entries now, as production would a little later.
                    beans.events.due(clock.instant().plus(Duration.ofDays(400)), 1000)
                            .forEach(pending -> beans.relay.relay(pending.appointment()));
                    nudgeAt = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polling, not timing
            }
            Map<SlotId, Optional<AccountId>> finalObserved = observed;
            check(expected.contains(observed), () -> "offers after freeing " + freed + ": expected one of " + expected
                    + ", observed " + finalObserved + (waitlistCaughtUp() ? "" : "; the waitlist lags behind: " + lagging()));
            if (freed.size() > 1) {
                saw("several slots freed at once");
            }
            observed.forEach((slot, patient) -> patient.ifPresent(p -> recordOffer(slotOf(slot), entries.get(p))));
        }

        /** Whether the waitlist has taken in every event stored so far (its delivery progress in every outbox entry). */
        void awaitWaitlistCaughtUp() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!waitlistCaughtUp() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polling, not timing
            }
            check(waitlistCaughtUp(), () -> "the waitlist did not hear the events within " + WAIT + ": " + lagging());
        }

        boolean waitlistCaughtUp() {
            for (AppointmentEventStore.Pending pending : beans.events.due(clock.instant().plus(Duration.ofDays(400)), 1000)) {
                Optional<Appointment> appointment = beans.appointments.find(pending.appointment());
                if (appointment.isPresent() && pending.deliveredTo("waitlist") < appointment.get().history().size()) {
                    return false;
                }
            }
            return true;
        }

        List<String> lagging() {
            return beans.events.due(clock.instant().plus(Duration.ofDays(400)), 1000).stream()
                    .map(p -> p + " / " + beans.appointments.find(p.appointment()).map(a -> a.status() + " " + a.history().size()).orElse("-"))
                    .toList();
        }

        Map<SlotId, Optional<AccountId>> observedOffers(List<ModelSlot> freed, Instant now) {
            Map<SlotId, Optional<AccountId>> observed = new HashMap<>();
            for (ModelSlot slot : freed) {
                List<AppointmentId> ids = entries.values().stream().map(e -> e.offerOf(slot.id())).toList();
                Optional<AccountId> to = beans.appointments.findAll(ids).values().stream()
                        .filter(a -> a.statusAt(now) == OFFERED && !offered.contains(a.id())).map(Appointment::patientId).findFirst();
                observed.put(slot.id(), to);
            }
            return observed;
        }

        void recordOffer(ModelSlot slot, WaitlistEntry entry) {
            AppointmentId id = entry.offerOf(slot.id());
            Appointment stored = beans.appointments.find(id).orElseThrow(() -> new AssertionError(context() + "offer missing " + id));
            Instant now = clock.instant();
            Instant until = now.plus(OFFER_TIME).isAfter(slot.start()) ? slot.start() : now.plus(OFFER_TIME);
            check(stored.answerBy().equals(until), () -> "an offer is open for 15 minutes (at most until the start): " + stored);
            M offer = new M(id, slot, entry.patientId(), true, until);
            model.put(id, offer);
            offered.add(id);
            holdOf.put(slot.id(), id);
            log.add("  -> offered " + slot.start() + " to " + who(entry.patientId()) + " until " + until);
            saw("offer made");
        }

        ModelSlot slotOf(SlotId id) {
            return modelSlots.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        }

        // --- steps ------------------------------------------------------------------------------------

        void book(int step) {
            AccountId patient = pick(patients);
            ModelSlot slot = pick(modelSlots);
            String key = "wl-key-" + (++keys);
            Instant now = clock.instant();
            log.add(step + ": " + who(patient) + " books " + slot.start());
            Optional<M> heldBy = activeOn(slot, now);
            M hold = holdOf.containsKey(slot.id()) ? model.get(holdOf.get(slot.id())) : null;
            // the holder lapsed unanswered (an offer nobody took, a request the doctor did not answer) and is
            // still stored as waiting: the booking stores its expiry, then the waitlist gets the slot first
            boolean lapsed = heldBy.isEmpty() && hold != null && (hold.status == OFFERED || hold.status == REQUESTED)
                    && slot.start().isAfter(now);
            if (lapsed) {
                hold.status = EXPIRED;
                holdOf.remove(slot.id(), hold.id);
                saw(hold.offer && !hold.accepted ? "lapsed offer stored expired by a booking" : "lapsed request stored expired by a booking");
            }
            Optional<WaitlistEntry> next = lapsed ? firstEligible(slot, now, Set.of()) : Optional.empty();
            Object result = outcome(() -> beans.booking.book(patient, slot.id(), key));
            if (lapsed) {
                // the expiry the booking stored is an event the waitlist hears too: let it, before time moves on
                awaitWaitlistCaughtUp();
            }
            if (!slot.start().isAfter(now) || heldBy.isPresent()) {
                expectError(result, SchedulingErrors.SLOT_UNAVAILABLE);
                saw(heldBy.filter(m -> m.offer).isPresent() ? "book refused: offer open" : "book SLOT_UNAVAILABLE");
            } else if (next.isPresent()) {
                expectError(result, SchedulingErrors.SLOT_UNAVAILABLE);
                recordOffer(slot, next.get());
                saw("lapsed offer passed on at booking");
            } else if (holdsAPlace(patient, now, Set.of())) {
                expectError(result, SchedulingErrors.BOOKING_LIMIT_REACHED);
                saw("book BOOKING_LIMIT_REACHED");
            } else {
                check(result instanceof Appointment a && a.status() == REQUESTED && a.slotId().equals(slot.id()),
                        () -> "expected a booking, got " + result);
                Appointment a = (Appointment) result;
                model.put(a.id(), new M(a.id(), slot, patient, false, a.answerBy()));
                holdOf.put(slot.id(), a.id());
                saw("book ok");
            }
        }

        void join(int step) {
            AccountId patient = pick(patients);
            Instant now = clock.instant();
            ModelSlot first = pick(modelSlots);
            Instant from = random.nextBoolean() ? begin : first.start();
            Instant to = random.nextInt(3) == 0 ? first.start().plusSeconds(1) : begin.plus(Duration.ofDays(1));
            log.add(step + ": " + who(patient) + " joins [" + from + ", " + to + ")");
            Object result = outcome(() -> beans.waitlist.join(patient, doctor, from, to));
            WaitlistEntry existing = Optional.ofNullable(entries.get(patient)).filter(e -> e.to().isAfter(now)).orElse(null);
            if (!to.isAfter(now)) {
                expectError(result, SchedulingErrors.INVALID_WAITLIST_WINDOW);
                saw("join INVALID_WAITLIST_WINDOW");
            } else if (existing != null && !(existing.from().equals(from) && existing.to().equals(to))) {
                expectError(result, SchedulingErrors.WAITLIST_DUPLICATE);
                saw("join WAITLIST_DUPLICATE");
            } else if (existing != null) {
                check(existing.equals(result), () -> "joining again returns the entry " + existing + ", got " + result);
                saw("join again");
            } else {
                check(result instanceof WaitlistEntry e && e.patientId().equals(patient) && e.from().equals(from),
                        () -> "expected a new entry, got " + result);
                entries.put(patient, (WaitlistEntry) result);
                saw("join ok");
            }
        }

        void leave(int step) {
            AccountId patient = pick(patients);
            log.add(step + ": " + who(patient) + " leaves");
            boolean left = beans.waitlist.leave(patient, doctor);
            check(left == entries.containsKey(patient), () -> "leave answered " + left);
            entries.remove(patient);
        }

        /** The patient cancels, or the doctor rejects, one of the appointments: its slot frees. */
        void free(int step, boolean byPatient) {
            Instant now = clock.instant();
            List<M> candidates = model.values().stream().filter(m -> !m.offer || m.status != OFFERED)
                    .filter(m -> byPatient ? (m.statusAt(now) == REQUESTED || m.statusAt(now) == CONFIRMED) && now.isBefore(m.slot.start())
                            : m.statusAt(now) == REQUESTED).toList();
            if (candidates.isEmpty()) {
                return;
            }
            M target = pick(candidates);
            log.add(step + ": " + (byPatient ? who(target.patient) + " cancels " : "the doctor rejects ") + target.slot.start());
            Object result = outcome(() -> byPatient
                    ? beans.lifecycle.cancel(target.patient, Role.PATIENT, target.id, "o modelo pediu isso")
                    : beans.lifecycle.reject(doctor, target.id, "o modelo pediu isso"));
            AppointmentStatus next = byPatient ? CANCELLED : REJECTED;
            check(result instanceof Appointment a && a.status() == next, () -> "expected " + next + ", got " + result);
            target.status = next;
            holdOf.remove(target.slot.id());
            saw(byPatient ? "cancel frees" : "reject frees");
            offersAfterFreeing(List.of(target.slot));
        }

        void accept(int step) {
            Instant now = clock.instant();
            List<M> requests = model.values().stream().filter(m -> m.statusAt(now) == REQUESTED).toList();
            if (requests.isEmpty()) {
                return;
            }
            M target = pick(requests);
            log.add(step + ": the doctor accepts " + target.slot.start());
            Object result = outcome(() -> beans.lifecycle.accept(doctor, target.id));
            check(result instanceof Appointment a && a.status() == CONFIRMED, () -> "expected CONFIRMED, got " + result);
            target.status = CONFIRMED;
        }

        /** The waiter takes or declines an offer (often one that is open, sometimes one that lapsed). */
        void answerOffer(int step, boolean take) {
            Instant now = clock.instant();
            List<M> offers = model.values().stream().filter(m -> m.offer).toList();
            if (offers.isEmpty()) {
                return;
            }
            List<M> open = offers.stream().filter(m -> m.statusAt(now) == OFFERED).toList();
            M target = !open.isEmpty() && random.nextInt(5) != 0 ? pick(open) : pick(offers);
            boolean stranger = random.nextInt(10) == 0;
            AccountId caller = stranger ? pick(patients.stream().filter(p -> !p.equals(target.patient)).toList()) : target.patient;
            log.add(step + ": " + who(caller) + (take ? " accepts" : " declines") + " the offer of " + target.slot.start()
                    + " (" + target.statusAt(now) + ")");
            Object result = outcome(() -> take ? beans.waitlist.accept(caller, target.id, BookingOrigin.UNKNOWN)
                    : beans.waitlist.decline(caller, target.id));
            if (stranger) {
                expectError(result, PlatformErrors.NOT_FOUND);
                return;
            }
            if (take && target.accepted) {
                check(result instanceof Appointment a && a.id().equals(target.id) && a.status() == target.statusAt(now),
                        () -> "accepting again answers the appointment as it is, got " + result);
                saw("offer accepted again");
                return;
            }
            if (!take && target.status == CANCELLED && !target.accepted) {
                // declined before (an offer is cancelled only so): declining again answers it as it is
                check(result instanceof Appointment a && a.id().equals(target.id) && a.status() == CANCELLED,
                        () -> "declining again answers the declined offer, got " + result);
                saw("offer declined again");
                return;
            }
            if (target.statusAt(now) != OFFERED) {
                expectError(result, SchedulingErrors.INVALID_APPOINTMENT_STATE);
                saw("answer to a closed offer refused");
                return;
            }
            if (take) {
                check(result instanceof Appointment a && a.status() == REQUESTED && a.slotId().equals(target.slot.id()),
                        () -> "an accepted offer is a request, got " + result);
                target.status = REQUESTED;
                target.accepted = true;
                target.answerBy = ((Appointment) result).answerBy();
                check(target.answerBy.equals(BookingModelContract.answerBy(now, target.slot.start())),
                        () -> "an accepted offer is answered like a booking: " + result);
                entries.remove(target.patient);
                saw("offer accepted");
            } else {
                check(result instanceof Appointment a && a.status() == CANCELLED, () -> "a declined offer is cancelled, got " + result);
                target.status = CANCELLED;
                holdOf.remove(target.slot.id());
                saw("offer declined");
                offersAfterFreeing(List.of(target.slot));
            }
        }

        void advance(int step) {
            Instant now = clock.instant();
            List<Instant> ahead = model.values().stream().map(m -> m.answerBy).filter(i -> i.isAfter(now)).sorted().toList();
            Instant to = !ahead.isEmpty() && random.nextInt(10) < 4 ? ahead.get(0) : now.plus(Duration.ofMinutes(1 + random.nextInt(20)));
            log.add(step + ": clock to " + to);
            clock.set(to);
        }

        void runSweep(int step) {
            Instant now = clock.instant();
            log.add(step + ": sweep");
            beans.sweep.run();
            List<ModelSlot> freed = new ArrayList<>();
            for (M m : model.values()) {
                AppointmentStatus settled = m.statusAt(now);
                if (settled != m.status) {
                    if (settled == EXPIRED) {
                        freed.add(m.slot);
                        // only the slot's holder: an older request on it that expired unswept is not
                        holdOf.remove(m.slot.id(), m.id);
                        saw(m.offer ? "offer lapsed, swept" : "request expired, swept");
                    }
                    m.status = settled;
                }
            }
            offersAfterFreeing(freed.stream().distinct().filter(s -> s.start().isAfter(now)).toList());
        }

        // --- invariants ------------------------------------------------------------------------------

        void verify() {
            Instant now = clock.instant();
            for (M m : model.values()) {
                Appointment stored = beans.appointments.find(m.id).orElseThrow(() -> new AssertionError(context() + "missing " + m.id));
                check(stored.status() == m.status, () -> m.id + " is stored " + stored.status() + ", the model says " + m.status);
                check(stored.statusAt(now) == m.statusAt(now), () -> m.id + " reads " + stored.statusAt(now) + ", the model says " + m.statusAt(now));
            }
            Set<SlotId> freeByModel = new HashSet<>();
            for (ModelSlot slot : modelSlots) {
                Optional<M> active = activeOn(slot, now);
                Optional<AppointmentId> holder = beans.slots.find(slot.id()).orElseThrow().hold().map(Slot.Hold::appointmentId);
                check(model.values().stream().filter(m -> m.slot.equals(slot) && m.activeAt(now)).count() <= 1,
                        () -> "two active on " + slot.start());
                if (active.isPresent()) {
                    check(holder.equals(Optional.of(active.get().id)), () -> "slot " + slot.start() + " must be held by "
                            + active.get().id + ", is held by " + holder);
                } else if (slot.start().isAfter(now)) {
                    freeByModel.add(slot.id());
                }
            }
            Set<SlotId> listed = beans.agenda.freeSlots(doctor, now, now.plus(Duration.ofDays(2))).stream().map(s -> s.slot().id())
                    .collect(Collectors.toSet());
            check(listed.equals(freeByModel), () -> "free slots listed " + listed + ", the model says " + freeByModel + "; slots: "
                    + modelSlots.stream().map(s -> s.start() + " " + s.id() + " held by "
                            + beans.slots.find(s.id()).orElseThrow().hold().map(h -> h.appointmentId() + " "
                            + beans.appointments.find(h.appointmentId()).map(a -> a.status() + " of " + who(a.patientId())).orElse("?")))
                            .toList());
            for (AccountId patient : patients) {
                long active = model.values().stream().filter(m -> m.patient.equals(patient) && m.activeAt(now) && m.slot.start().isAfter(now)).count();
                check(active <= 1, () -> who(patient) + " holds " + active + " upcoming appointments and offers");
                List<WaitlistEntry> stored = beans.waitlist.of(patient);
                WaitlistEntry expected = entries.get(patient);
                check(expected == null || !expected.to().isAfter(now) ? stored.isEmpty() : stored.equals(List.of(expected)),
                        () -> who(patient) + " waits " + stored + ", the model says " + expected);
            }
        }

        void expectError(Object result, ErrorCode code) {
            check(result instanceof DomainException e && e.code() == code, () -> "expected " + code + ", got " + result);
        }

        Object outcome(Supplier<Object> call) {
            try {
                return call.get();
            } catch (DomainException e) {
                return e;
            }
        }
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(List.copyOf(items));
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
