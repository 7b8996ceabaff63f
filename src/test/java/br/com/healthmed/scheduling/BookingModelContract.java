package br.com.healthmed.scheduling;

import static br.com.healthmed.scheduling.AppointmentStatus.CANCELLED;
import static br.com.healthmed.scheduling.AppointmentStatus.COMPLETED;
import static br.com.healthmed.scheduling.AppointmentStatus.CONFIRMED;
import static br.com.healthmed.scheduling.AppointmentStatus.EXPIRED;
import static br.com.healthmed.scheduling.AppointmentStatus.NO_SHOW;
import static br.com.healthmed.scheduling.AppointmentStatus.REJECTED;
import static br.com.healthmed.scheduling.AppointmentStatus.REQUESTED;

import br.com.healthmed.HealthMedApplication;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Model-based test of the booking life cycle through the services, on every storage adapter. Seeded
 * random sequences of bookings (and retried requests), the doctor's and the patient's moves, the
 * clock moving (often exactly onto a start or an end) and the sweep, each run against a reference
 * model that is a few lines of rules. After every step: the store says what the model says, no slot
 * has two active appointments, the slot holds and the free agenda agree, a request nobody answers
 * expires at its {@code answerBy} (before its start when booked long enough ahead), every history is made of
 * legal transitions only, and what the sweep stores is exactly what reads showed before it ran.
 *
 * <p>A failure names its seed; rerun it with {@code -Dscheduling.model.seed=<seed>} (the first
 * sequence uses that seed).
 */
@SpringBootTest(classes = {HealthMedApplication.class, SchedulingFixture.Config.class}, properties = {
        "healthmed.scheduling.sweep-interval=P1D", // the test runs the sweep itself
        "healthmed.scheduling.max-active-per-patient=1",
        // short enough that requests expire before their start, within a sequence
        "healthmed.scheduling.request-ttl=PT40M",
        "healthmed.scheduling.request-answer-deadline=PT20M",
        "healthmed.scheduling.request-min-answer-time=PT10M",
        "healthmed.booking-limits.per-account=100000"}) // the model is about the life cycle, not about rates
abstract class BookingModelContract {

    /** Every transition the life cycle allows; the first one is from nothing to REQUESTED. */
    static final Map<AppointmentStatus, Set<AppointmentStatus>> LEGAL = Map.of(
            REQUESTED, Set.of(CONFIRMED, REJECTED, CANCELLED, EXPIRED),
            CONFIRMED, Set.of(CANCELLED, COMPLETED, NO_SHOW),
            COMPLETED, Set.of(NO_SHOW),
            REJECTED, Set.of(), CANCELLED, Set.of(), EXPIRED, Set.of(), NO_SHOW, Set.of());

    /** Patients who may book ({@link ConsentRequired}, {@link VerifiedEmailRequired}). */
    @Autowired
    SchedulingFixture given;

    @Autowired
    MutableClock clock;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentLifecycle lifecycle;

    @Autowired
    Agenda agenda;

    @Autowired
    AppointmentStore appointments;

    @Autowired
    SlotStore slots;

    @Autowired
    AccountStore accounts;

    @Autowired
    Sweep sweep;

    @Autowired
    Waitlist waitlist;

    @Autowired
    PublishedSlotOffers publishedSlotOffers;

    @Autowired
    AppointmentEventStore events;

    /** For the waitlist model: what the relay's sweep does a few seconds later, done now (the clock here stands still). */
    @Autowired
    EventRelay relay;

    protected abstract int sequences();

    protected abstract int steps();

    /** How often each kind of outcome happened, so that a run that explored nothing cannot pass unnoticed. */
    final Map<String, Integer> seen = new java.util.TreeMap<>();

    void saw(String outcome) {
        seen.merge(outcome, 1, Integer::sum);
    }

    /**
     * The first half of the sequences use these fixed seeds (so what they explore is the same on every
     * run, and checked below); the second half new random seeds on every run, to find what the fixed
     * ones miss. {@code -Dscheduling.model.seed=<seed>} runs every sequence from that seed on.
     */
    static final long FIXED_SEEDS = 20_261_201L;

    @Test
    void randomSequencesOfBookingsAnswersAndTimeKeepTheStoreEqualToASimpleModel() {
        Long given = Long.getLong("scheduling.model.seed");
        long randomSeeds = new Random().nextLong();
        int fixed = given != null ? 0 : sequences() / 2;
        for (int i = 0; i < sequences(); i++) {
            long seed = given != null ? given + i : i < fixed ? FIXED_SEEDS + i : randomSeeds + i;
            new Sequence(seed).run();
            if (i == fixed - 1) {
                checkExplored(Map.copyOf(seen), fixed);
            }
        }
        System.out.println(getClass().getSimpleName() + " (fixed seeds from " + FIXED_SEEDS + ", random from "
                + (given != null ? given : randomSeeds) + ") outcomes: " + seen);
    }

    /**
     * The waitlist's model ({@link WaitlistModel}): joins, offers, bookings racing them, answers,
     * lapses and the sweep, on the same fixed and random seeds as the booking model.
     */
    @Test
    void randomSequencesOfWaitlistJoinsOffersAndAnswersKeepTheStoreEqualToASimpleModel() {
        Long given = Long.getLong("scheduling.model.seed");
        long randomSeeds = new Random().nextLong();
        int sequences = Math.max(2, sequences() / 2);
        int fixed = given != null ? 0 : sequences / 2;
        WaitlistModel waitlistModel = new WaitlistModel(this);
        for (int i = 0; i < sequences; i++) {
            long seed = given != null ? given + i : i < fixed ? FIXED_SEEDS + i : randomSeeds + i;
            waitlistModel.run(seed, 2 * steps());
            if (i == fixed - 1 && fixed * 2 * steps() >= 500) {
                org.assertj.core.api.Assertions.assertThat(waitlistModel.seen.keySet()).as("the fixed seeds explored %s", waitlistModel.seen)
                        .contains("offer made", "offer accepted", "offer declined", "offer lapsed, swept", "book refused: offer open",
                                "cancel frees", "reject frees", "join WAITLIST_DUPLICATE");
            }
        }
        System.out.println(getClass().getSimpleName() + " waitlist (fixed seeds from " + FIXED_SEEDS + ", random from "
                + (given != null ? given : randomSeeds) + ") outcomes: " + waitlistModel.seen);
    }

    /** The fixed seeds of a long run must reach every outcome, so that a model exploring nothing cannot pass. */
    private void checkExplored(Map<String, Integer> explored, int fixed) {
        if (fixed * steps() < 500) {
            return; // short runs (dynalite) only report theirs
        }
        List<String> expected = new ArrayList<>(List.of("book ok", "book SLOT_UNAVAILABLE", "book BOOKING_LIMIT_REACHED",
                "book IDEMPOTENCY_KEY_REUSED", "book retried", "sweep settled", "NOT_FOUND",
                "expired before the start"));
        for (Move move : Move.values()) {
            expected.add(move + " ok");
            expected.add(move + " INVALID_APPOINTMENT_STATE");
        }
        for (AppointmentStatus status : AppointmentStatus.values()) {
            if (status != AppointmentStatus.OFFERED) { // waitlist offers: WaitlistModelContract
                expected.add("reached " + status);
            }
        }
        org.assertj.core.api.Assertions.assertThat(explored.keySet())
                .as("the %s sequences from seed %s explored %s", fixed, FIXED_SEEDS, explored).containsAll(expected);
    }

    enum Move { ACCEPT, REJECT, PATIENT_CANCEL, DOCTOR_CANCEL, NO_SHOW_MARK, RATE }

    record ModelSlot(SlotId id, AccountId doctor, Instant start, Instant end) {}

    /** The model's rule for when an unanswered request expires: the sooner of ttl and deadline, bounded. */
    static Instant answerBy(Instant requestedAt, Instant start) {
        Instant sooner = java.util.Collections.min(List.of(requestedAt.plus(Duration.ofMinutes(40)), start.minus(Duration.ofMinutes(20))));
        Instant atLeast = java.util.Collections.max(List.of(sooner, requestedAt.plus(Duration.ofMinutes(10))));
        return java.util.Collections.min(List.of(atLeast, start));
    }

    static final class ModelAppointment {
        final AppointmentId id;
        final ModelSlot slot;
        final AccountId patient;
        final Instant answerBy;
        AppointmentStatus status = REQUESTED; // as last stored; time-driven moves are applied by statusAt
        boolean rated;
        long version = 1;

        ModelAppointment(AppointmentId id, ModelSlot slot, AccountId patient, Instant requestedAt) {
            this.id = id;
            this.slot = slot;
            this.patient = patient;
            this.answerBy = answerBy(requestedAt, slot.start());
        }

        AppointmentStatus statusAt(Instant now) {
            if (status == REQUESTED && !now.isBefore(answerBy)) {
                return EXPIRED;
            }
            if (status == CONFIRMED && !now.isBefore(slot.end())) {
                return COMPLETED;
            }
            return status;
        }

        boolean activeAt(Instant now) {
            AppointmentStatus current = statusAt(now);
            return current == REQUESTED || current == CONFIRMED;
        }
    }

    record Request(AccountId patient, SlotId slot, String key) {}

    final class Sequence extends SeededSequence {
        final Instant begin = clock.instant();
        final List<AccountId> doctors = new ArrayList<>();
        final List<AccountId> patients = new ArrayList<>();
        final Map<SlotId, ModelSlot> modelSlots = new LinkedHashMap<>();
        final Map<AppointmentId, ModelAppointment> model = new LinkedHashMap<>();
        Request last;
        int keys;

        Sequence(long seed) {
            super("seed", seed, 15, clock);
        }

        void run() {
            for (int d = 0; d < 2; d++) {
                DoctorAccount doctor = new DoctorAccount(AccountId.random(), "Dr. Model " + d,
                        new Crm(Integer.toString(100_000 + random.nextInt(900_000)), "RJ"), List.of("CLINICA_MEDICA"),
                        "{test}not-a-real-hash", clock.instant());
                accounts.create(doctor);
                doctors.add(doctor.id());
                List<Agenda.NewSlot> wanted = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    wanted.add(new Agenda.NewSlot(begin.plus(Duration.ofMinutes(30 + 60L * k + 20L * d)), Optional.empty()));
                }
                for (Agenda.AgendaSlot published : agenda.publish(doctor.id(), wanted)) {
                    Slot s = published.slot();
                    modelSlots.put(s.id(), new ModelSlot(s.id(), s.doctorId(), s.start(), s.end()));
                }
            }
            awaitPublicationsOffered(publishedSlotOffers);
            for (int p = 0; p < 4; p++) {
                patients.add(given.patient());
            }
            log.add("start " + begin + ", slots " + modelSlots.values());
            verify();
            for (int step = 1; step <= steps(); step++) {
                step(step);
                verify();
            }
        }

        void step(int step) {
            int dice = random.nextInt(100);
            if (dice < 25 || model.isEmpty() && dice < 70) {
                book(new Request(pick(patients), pick(new ArrayList<>(modelSlots.keySet())), "key-" + (++keys)), step);
            } else if (dice < 30) {
                Request again = last != null && random.nextBoolean() ? last
                        : last != null ? new Request(last.patient(), pick(new ArrayList<>(modelSlots.keySet())), last.key()) : null;
                if (again != null) {
                    book(again, step);
                }
            } else if (dice < 45) {
                act(Move.ACCEPT, step);
            } else if (dice < 49) {
                act(Move.REJECT, step);
            } else if (dice < 53) {
                act(Move.PATIENT_CANCEL, step);
            } else if (dice < 56) {
                act(Move.DOCTOR_CANCEL, step);
            } else if (dice < 60) {
                act(Move.NO_SHOW_MARK, step);
            } else if (dice < 70) {
                act(Move.RATE, step);
            } else if (dice < 88) {
                advance(step);
            } else {
                runSweep(step);
            }
        }

        // --- steps ----------------------------------------------------------------------------------

        void book(Request request, int step) {
            last = request;
            Instant now = clock.instant();
            AppointmentId id = AppointmentId.forRequest(request.patient(), request.key());
            ModelSlot slot = modelSlots.get(request.slot());
            log.add(step + ": patient " + patients.indexOf(request.patient()) + " books " + slot.start() + " with " + request.key());
            Object result = outcome(() -> booking.book(request.patient(), request.slot(), request.key()));

            ModelAppointment earlier = model.get(id);
            if (earlier != null) {
                if (!earlier.slot.id().equals(request.slot())) {
                    expectError(result, PlatformErrors.IDEMPOTENCY_KEY_REUSED);
                    saw("book IDEMPOTENCY_KEY_REUSED");
                    return;
                }
                check(result instanceof Appointment a && a.id().equals(id) && a.status() == earlier.statusAt(now),
                        () -> "a retried request must answer with its appointment " + id + " (" + earlier.statusAt(now) + "), got " + result);
                saw("book retried");
                return;
            }
            boolean taken = !slot.start().isAfter(now)
                    || model.values().stream().anyMatch(a -> a.slot.equals(slot) && a.activeAt(now));
            if (!taken) {
                // the slot's holder (its latest appointment) lapsed unanswered and is still stored as waiting:
                // the booking stores its expiry before taking the slot over, whatever the booking's own outcome
                model.values().stream().filter(a -> a.slot.equals(slot)).reduce((first, second) -> second)
                        .filter(holder -> holder.status == REQUESTED && holder.statusAt(now) == EXPIRED)
                        .ifPresent(holder -> {
                            holder.status = EXPIRED;
                            holder.version++;
                            saw("lapsed holder stored expired by a booking");
                        });
            }
            boolean holdsAPlace = model.values().stream()
                    .anyMatch(a -> a.patient.equals(request.patient()) && a.activeAt(now) && a.slot.start().isAfter(now));
            if (taken) {
                expectError(result, SchedulingErrors.SLOT_UNAVAILABLE);
                saw("book SLOT_UNAVAILABLE");
            } else if (holdsAPlace) {
                expectError(result, SchedulingErrors.BOOKING_LIMIT_REACHED);
                saw("book BOOKING_LIMIT_REACHED");
            } else {
                check(result instanceof Appointment a && a.id().equals(id) && a.status() == REQUESTED
                        && a.slotId().equals(slot.id()) && a.patientId().equals(request.patient()),
                        () -> "expected a new REQUESTED appointment " + id + ", got " + result);
                model.put(id, new ModelAppointment(id, slot, request.patient(), now));
                saw("book ok");
            }
        }

        void act(Move move, int step) {
            if (model.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            // mostly one the move is allowed on (if any), otherwise any: both answers get explored
            List<ModelAppointment> allowed = model.values().stream().filter(a -> next(move, a, now) != null).toList();
            ModelAppointment target = !allowed.isEmpty() && random.nextInt(10) < 6 ? pick(allowed) : pick(new ArrayList<>(model.values()));
            boolean byDoctor = move != Move.PATIENT_CANCEL && move != Move.RATE;
            boolean stranger = random.nextInt(12) == 0;
            AccountId caller = stranger ? AccountId.random() : byDoctor ? target.slot.doctor() : target.patient;
            String why = "model step " + step + " says so";
            log.add(step + ": " + (stranger ? "a stranger" : byDoctor ? "the doctor" : "the patient") + " " + move + " "
                    + target.id + " (" + target.statusAt(now) + ", start " + target.slot.start() + ")");
            Object result = outcome(() -> switch (move) {
                case ACCEPT -> lifecycle.accept(caller, target.id);
                case REJECT -> lifecycle.reject(caller, target.id, why);
                case PATIENT_CANCEL -> lifecycle.cancel(caller, Role.PATIENT, target.id, why);
                case DOCTOR_CANCEL -> lifecycle.cancel(caller, Role.DOCTOR, target.id, why);
                case NO_SHOW_MARK -> lifecycle.markNoShow(caller, target.id);
                case RATE -> lifecycle.rate(caller, target.id, 1 + random.nextInt(5), Optional.of("rated at step " + step));
            });
            if (stranger) {
                expectError(result, PlatformErrors.NOT_FOUND);
                saw("NOT_FOUND");
                return;
            }
            AppointmentStatus current = target.statusAt(now);
            if (move == Move.ACCEPT && current == CONFIRMED) {
                // the doctor's acceptance again (its answer lost): answered as it stands, nothing changes
                check(result instanceof Appointment a && a.id().equals(target.id) && a.status() == CONFIRMED,
                        () -> "accepting a confirmed consultation again must answer it, got " + result);
                saw("ACCEPT again answered");
                return;
            }
            AppointmentStatus next = next(move, target, now);
            if (next == null) {
                expectError(result, SchedulingErrors.INVALID_APPOINTMENT_STATE);
                Map<String, Object> extensions = ((DomainException) result).extensions();
                check(current.name().equals(extensions.get("currentStatus")),
                        () -> "the refusal must say the current status " + current + ": " + extensions);
                saw(move + " INVALID_APPOINTMENT_STATE");
                return;
            }
            check(result instanceof Appointment a && a.id().equals(target.id) && a.status() == next,
                    () -> move + " must give " + next + ", got " + result);
            target.status = next;
            target.version++;
            target.rated |= move == Move.RATE;
            saw(move + " ok");
        }

        /** The model's rules: the status a move leads to, or null when it is not allowed now. */
        AppointmentStatus next(Move move, ModelAppointment target, Instant now) {
            AppointmentStatus current = target.statusAt(now);
            return switch (move) {
                case ACCEPT -> current == REQUESTED ? CONFIRMED : null;
                case REJECT -> current == REQUESTED ? REJECTED : null;
                // calling off is for before the start: a consultation under way can only end
                case PATIENT_CANCEL -> (current == REQUESTED || current == CONFIRMED) && now.isBefore(target.slot.start()) ? CANCELLED : null;
                case DOCTOR_CANCEL -> current == CONFIRMED && now.isBefore(target.slot.start()) ? CANCELLED : null;
                case NO_SHOW_MARK -> (current == CONFIRMED || current == COMPLETED) && !now.isBefore(target.slot.start())
                        && !target.rated ? NO_SHOW : null;
                case RATE -> current == COMPLETED && !target.rated ? COMPLETED : null;
            };
        }

        void advance(int step) {
            Instant now = clock.instant();
            List<Instant> ahead = java.util.stream.Stream.concat(
                            modelSlots.values().stream().flatMap(s -> java.util.stream.Stream.of(s.start(), s.end())),
                            model.values().stream().map(a -> a.answerBy))
                    .filter(i -> i.isAfter(now)).sorted().toList();
            Instant to = !ahead.isEmpty() && random.nextInt(10) < 4
                    ? ahead.get(random.nextInt(Math.min(3, ahead.size()))) // exactly onto a start or an end
                    : now.plus(Duration.ofMinutes(1 + random.nextInt(150)));
            log.add(step + ": clock to " + to);
            clock.set(to);
        }

        void runSweep(int step) {
            Instant now = clock.instant();
            Map<AppointmentId, Appointment> readBefore = new HashMap<>();
            for (ModelAppointment a : model.values()) {
                readBefore.put(a.id, appointments.find(a.id).orElseThrow().settledAt(now));
            }
            log.add(step + ": sweep");
            sweep.run();
            for (ModelAppointment a : model.values()) {
                Appointment stored = appointments.find(a.id).orElseThrow();
                check(stored.equals(readBefore.get(a.id)),
                        () -> "the sweep must store what reads showed: read " + readBefore.get(a.id) + ", stored " + stored);
                if (a.statusAt(now) != a.status) {
                    a.status = a.statusAt(now);
                    a.version++;
                    saw("sweep settled");
                }
            }
        }

        // --- the invariants -------------------------------------------------------------------------

        void verify() {
            Instant now = clock.instant();
            for (AccountId doctor : doctors) {
                List<Appointment> stored = appointments.ofDoctor(doctor, begin.minus(Duration.ofDays(1)), begin.plus(Duration.ofDays(3)),
                        Optional.empty(), 1000).appointments();
                Set<AppointmentId> expected = model.values().stream().filter(a -> a.slot.doctor().equals(doctor))
                        .map(a -> a.id).collect(Collectors.toSet());
                check(stored.stream().map(Appointment::id).collect(Collectors.toSet()).equals(expected),
                        () -> "the doctor's appointments must be the model's " + expected + ", are " + stored);
                Map<SlotId, List<AppointmentId>> activeBySlot = stored.stream().filter(a -> a.isActiveAt(now))
                        .collect(Collectors.groupingBy(Appointment::slotId, Collectors.mapping(Appointment::id, Collectors.toList())));
                activeBySlot.forEach((slot, active) ->
                        check(active.size() <= 1, () -> "slot " + slot + " has " + active.size() + " active appointments: " + active));
            }
            for (ModelAppointment a : model.values()) {
                Appointment stored = appointments.find(a.id).orElseThrow(() -> new AssertionError(context() + "missing " + a.id));
                Appointment read = stored.settledAt(now);
                saw("reached " + read.status());
                if (read.status() == EXPIRED && a.answerBy.isBefore(a.slot.start())) {
                    saw("expired before the start");
                }
                check(read.status() == a.statusAt(now), () -> a.id + " reads " + read.status() + ", the model says " + a.statusAt(now));
                check(stored.status() == a.status && stored.version() == a.version, () -> a.id + " is stored as " + stored.status()
                        + " v" + stored.version() + ", the model says " + a.status + " v" + a.version);
                check(stored.slotId().equals(a.slot.id()) && stored.patientId().equals(a.patient)
                        && stored.doctorId().equals(a.slot.doctor()) && stored.start().equals(a.slot.start()),
                        () -> "stored with other parties or times: " + stored);
                check(stored.answerBy().equals(a.answerBy), () -> "expires at " + stored.answerBy() + ", the model says " + a.answerBy);
                checkHistory(stored);
                checkHistory(read);
            }
            for (ModelSlot slot : modelSlots.values()) {
                Slot stored = slots.find(slot.id()).orElseThrow(() -> new AssertionError(context() + "slot gone " + slot));
                Optional<ModelAppointment> active = model.values().stream().filter(a -> a.slot.equals(slot) && a.activeAt(now)).findFirst();
                Optional<AppointmentId> holder = stored.hold().map(Slot.Hold::appointmentId);
                if (active.isPresent()) {
                    check(holder.equals(Optional.of(active.get().id)),
                            () -> "slot " + slot.start() + " must be held by its active appointment " + active.get().id + ", is held by " + holder);
                } else {
                    check(holder.isEmpty() || model.containsKey(holder.get()) && !model.get(holder.get()).activeAt(now),
                            () -> "slot " + slot.start() + " has no active appointment but is held by " + holder);
                }
            }
            for (AccountId doctor : doctors) {
                Set<SlotId> listed = agenda.freeSlots(doctor, now, now.plus(Duration.ofDays(7))).stream()
                        .map(s -> s.slot().id()).collect(Collectors.toSet());
                Set<SlotId> free = modelSlots.values().stream()
                        .filter(s -> s.doctor().equals(doctor) && s.start().isAfter(now))
                        .filter(s -> model.values().stream().noneMatch(a -> a.slot.equals(s) && a.activeAt(now)))
                        .map(ModelSlot::id).collect(Collectors.toSet());
                check(listed.equals(free), () -> "free slots listed " + listed + ", the model says " + free);
            }
        }

        void checkHistory(Appointment appointment) {
            List<Appointment.Transition> history = appointment.history();
            check(!history.isEmpty() && history.get(0).from() == null && history.get(0).to() == REQUESTED,
                    () -> "a history starts with the request: " + history);
            for (int i = 1; i < history.size(); i++) {
                Appointment.Transition previous = history.get(i - 1);
                Appointment.Transition t = history.get(i);
                check(t.from() == previous.to() && LEGAL.get(t.from()).contains(t.to()),
                        () -> "illegal transition " + t + " in " + history);
                check(!t.at().isBefore(previous.at()), () -> "history out of order: " + history);
                boolean timeMade = (t.from() == REQUESTED && t.to() == EXPIRED) || (t.from() == CONFIRMED && t.to() == COMPLETED);
                check(t.by().isEmpty() == timeMade, () -> "only time makes " + t + "? " + history);
                if (t.to() == EXPIRED) {
                    check(t.at().equals(appointment.answerBy()), () -> "a request expires at its answerBy: " + t);
                }
                if (t.to() == COMPLETED) {
                    check(t.at().equals(appointment.end()), () -> "a consultation completes at the end: " + t);
                }
            }
            check(history.get(history.size() - 1).to() == appointment.status(), () -> "history ends elsewhere than " + appointment.status());
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
}
