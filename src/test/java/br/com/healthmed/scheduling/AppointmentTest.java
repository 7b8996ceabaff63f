package br.com.healthmed.scheduling;

import static br.com.healthmed.scheduling.AppointmentStatus.CANCELLED;
import static br.com.healthmed.scheduling.AppointmentStatus.COMPLETED;
import static br.com.healthmed.scheduling.AppointmentStatus.CONFIRMED;
import static br.com.healthmed.scheduling.AppointmentStatus.EXPIRED;
import static br.com.healthmed.scheduling.AppointmentStatus.NO_SHOW;
import static br.com.healthmed.scheduling.AppointmentStatus.REJECTED;
import static br.com.healthmed.scheduling.AppointmentStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.scheduling.Appointment.Transition;
import br.com.healthmed.telehealth.MeetingRoom;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The appointment's life cycle: every move allowed from every status, and every other one refused with the status. */
class AppointmentTest {

    static final Instant BOOKED = Instant.parse("2027-03-15T09:00:00Z");
    static final Instant START = Instant.parse("2027-03-16T14:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(50));
    static final Instant BEFORE = START.minus(Duration.ofHours(2));
    static final Instant DURING = START.plus(Duration.ofMinutes(10));
    static final Instant AFTER = END.plus(Duration.ofMinutes(30));
    static final MeetingRoom ROOM = new MeetingRoom("r4nd0m", START.minus(Duration.ofMinutes(15)), END);
    static final String WHY = "a reason of some length";

    enum Move { ACCEPT, REJECT, CANCEL_BY_PATIENT, CANCEL_BY_DOCTOR, NO_SHOW_MARK, RATE }

    static Appointment requested() {
        Slot slot = new Slot(SlotId.random(), AccountId.random(), START, END, Optional.empty());
        return Appointment.requested(AppointmentId.random(), slot, AccountId.random(), Optional.of(new BigDecimal("250.00")), BOOKED,
                START, BookingOrigin.UNKNOWN);
    }

    static Appointment apply(Appointment a, Move move, Instant now) {
        return switch (move) {
            case ACCEPT -> a.accept(now, ROOM);
            case REJECT -> a.reject(now, WHY);
            case CANCEL_BY_PATIENT -> a.cancelByPatient(now, WHY);
            case CANCEL_BY_DOCTOR -> a.cancelByDoctor(now, WHY);
            case NO_SHOW_MARK -> a.markNoShow(now);
            case RATE -> a.rate(now, new Appointment.Rating(4, Optional.of("good"), now));
        };
    }

    /** An appointment stored in each status, and an instant at which it is (still) in that status. */
    record InStatus(Appointment appointment, Instant now) {}

    static Map<AppointmentStatus, InStatus> everyStatus() {
        Map<AppointmentStatus, InStatus> all = new EnumMap<>(AppointmentStatus.class);
        Appointment requested = requested();
        Appointment confirmed = requested.accept(BEFORE, ROOM);
        all.put(REQUESTED, new InStatus(requested, BEFORE));
        all.put(CONFIRMED, new InStatus(confirmed, BEFORE));
        all.put(REJECTED, new InStatus(requested.reject(BEFORE, WHY), BEFORE));
        all.put(CANCELLED, new InStatus(requested.cancelByPatient(BEFORE, WHY), BEFORE));
        all.put(EXPIRED, new InStatus(requested.settledAt(START), DURING));
        all.put(COMPLETED, new InStatus(confirmed.settledAt(END), AFTER));
        all.put(NO_SHOW, new InStatus(confirmed.markNoShow(DURING), AFTER));
        return all;
    }

    /** What each status allows (at the instant of {@link #everyStatus}); everything else is refused. */
    static final Map<AppointmentStatus, Map<Move, AppointmentStatus>> ALLOWED = Map.of(
            REQUESTED, Map.of(Move.ACCEPT, CONFIRMED, Move.REJECT, REJECTED, Move.CANCEL_BY_PATIENT, CANCELLED),
            CONFIRMED, Map.of(Move.CANCEL_BY_PATIENT, CANCELLED, Move.CANCEL_BY_DOCTOR, CANCELLED),
            COMPLETED, Map.of(Move.NO_SHOW_MARK, NO_SHOW, Move.RATE, COMPLETED),
            REJECTED, Map.of(), CANCELLED, Map.of(), EXPIRED, Map.of(), NO_SHOW, Map.of());

    @Test
    void everyMoveFromEveryStatusIsAllowedOrRefusedWithTheCurrentStatus() {
        everyStatus().forEach((status, in) -> {
            assertThat(in.appointment().statusAt(in.now())).isEqualTo(status);
            for (Move move : Move.values()) {
                AppointmentStatus allowed = ALLOWED.get(status).get(move);
                if (allowed != null) {
                    Appointment moved = apply(in.appointment(), move, in.now());
                    assertThat(moved.status()).as("%s from %s", move, status).isEqualTo(allowed);
                    assertThat(moved.version()).as("%s from %s", move, status).isEqualTo(in.appointment().version() + 1);
                } else {
                    DomainException refused = catchThrowableOfType(DomainException.class, () -> apply(in.appointment(), move, in.now()));
                    assertThat(refused).as("%s from %s must be refused", move, status).isNotNull();
                    assertThat(refused.code()).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
                    assertThat(refused.extensions()).as("%s from %s", move, status).containsEntry("currentStatus", status.name());
                }
            }
        });
    }

    @Test
    void aNoShowIsReportedOnlyFromTheStartAndNotAfterTheRating() {
        Appointment confirmed = requested().accept(BEFORE, ROOM);

        DomainException tooEarly = catchThrowableOfType(DomainException.class, () -> confirmed.markNoShow(START.minusSeconds(1)));
        assertThat(tooEarly.code()).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
        assertThat(tooEarly.extensions()).containsEntry("currentStatus", "CONFIRMED");
        assertThat(confirmed.markNoShow(START).status()).isEqualTo(NO_SHOW);

        Appointment rated = confirmed.rate(AFTER, new Appointment.Rating(5, Optional.empty(), AFTER));
        DomainException afterRating = catchThrowableOfType(DomainException.class, () -> rated.markNoShow(AFTER));
        assertThat(afterRating.extensions()).containsEntry("currentStatus", "COMPLETED");
        DomainException ratedTwice = catchThrowableOfType(DomainException.class,
                () -> rated.rate(AFTER, new Appointment.Rating(1, Optional.empty(), AFTER)));
        assertThat(ratedTwice.code()).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
        assertThat(rated.rating().orElseThrow().stars()).isEqualTo(5);
    }

    @Test
    void aRequestExpiresExactlyAtTheStartAndAConfirmedConsultationCompletesExactlyAtTheEnd() {
        Appointment requested = requested();
        Appointment confirmed = requested.accept(BEFORE, ROOM);

        assertThat(requested.statusAt(START.minusNanos(1))).isEqualTo(REQUESTED);
        assertThat(requested.statusAt(START)).isEqualTo(EXPIRED);
        assertThat(requested.isActiveAt(START.minusNanos(1))).isTrue();
        assertThat(requested.isActiveAt(START)).isFalse();
        assertThat(confirmed.statusAt(START)).isEqualTo(CONFIRMED);
        assertThat(confirmed.statusAt(END.minusNanos(1))).isEqualTo(CONFIRMED);
        assertThat(confirmed.statusAt(END)).isEqualTo(COMPLETED);
        assertThat(confirmed.isActiveAt(END.minusNanos(1))).isTrue();
        assertThat(confirmed.isActiveAt(END)).isFalse();
        assertThat(requested.reject(BEFORE, WHY).statusAt(AFTER)).as("only time-driven moves").isEqualTo(REJECTED);
    }

    @Test
    void settlingAppliesTheMoveTimeMadeAtTheInstantItWasDueOnceAndOnlyWhenDue() {
        Appointment requested = requested();
        Appointment confirmed = requested.accept(BEFORE, ROOM);

        assertThat(requested.settledAt(START.minusNanos(1))).isSameAs(requested);
        Appointment expired = requested.settledAt(AFTER);
        assertThat(expired.status()).isEqualTo(EXPIRED);
        assertThat(expired.version()).isEqualTo(requested.version() + 1);
        assertThat(expired.history()).last().isEqualTo(new Transition(REQUESTED, EXPIRED, START, Optional.empty()));
        assertThat(expired.settledAt(AFTER.plus(Duration.ofDays(3)))).isSameAs(expired);
        assertThat(requested.settledAt(START)).as("same answer whenever read").isEqualTo(requested.settledAt(AFTER));

        Appointment completed = confirmed.settledAt(AFTER);
        assertThat(completed.status()).isEqualTo(COMPLETED);
        assertThat(completed.history()).last().isEqualTo(new Transition(CONFIRMED, COMPLETED, END, Optional.empty()));
        assertThat(completed.room()).contains(ROOM);
        assertThat(confirmed.settledAt(END)).isEqualTo(completed);
    }

    @Test
    void everyStoredChangeAddsOneToTheVersionEvenWhenAPendingTimeMoveIsAppliedFirst() {
        Appointment requested = requested();
        assertThat(requested.version()).isEqualTo(1);
        assertThat(requested.history()).containsExactly(new Transition(null, REQUESTED, BOOKED, Optional.of(Role.PATIENT)));

        Appointment confirmed = requested.accept(BEFORE, ROOM);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(confirmed.room()).contains(ROOM);
        assertThat(confirmed.history()).last().isEqualTo(new Transition(REQUESTED, CONFIRMED, BEFORE, Optional.of(Role.DOCTOR)));

        // reported after the end: the completion time made comes first in the history, one version step in all
        Appointment noShow = confirmed.markNoShow(AFTER);
        assertThat(noShow.version()).isEqualTo(3);
        assertThat(noShow.history()).containsExactly(
                new Transition(null, REQUESTED, BOOKED, Optional.of(Role.PATIENT)),
                new Transition(REQUESTED, CONFIRMED, BEFORE, Optional.of(Role.DOCTOR)),
                new Transition(CONFIRMED, COMPLETED, END, Optional.empty()),
                new Transition(COMPLETED, NO_SHOW, AFTER, Optional.of(Role.DOCTOR)));

        Appointment rated = confirmed.rate(AFTER, new Appointment.Rating(3, Optional.empty(), AFTER));
        assertThat(rated.version()).isEqualTo(3);
        assertThat(rated.status()).isEqualTo(COMPLETED);
        assertThat(rated.history()).last().isEqualTo(new Transition(CONFIRMED, COMPLETED, END, Optional.empty()));
    }

    @Test
    void cancellationsRecordWhoCalledItOffAndWhy() {
        Appointment byPatient = requested().cancelByPatient(BEFORE, "patient's justification");
        Appointment byDoctor = requested().accept(BEFORE, ROOM).cancelByDoctor(BEFORE, "doctor's reason here");
        Appointment rejected = requested().reject(BEFORE, "no longer available");

        assertThat(byPatient.cancelledBy()).contains(Role.PATIENT);
        assertThat(byPatient.reason()).contains("patient's justification");
        assertThat(byDoctor.cancelledBy()).contains(Role.DOCTOR);
        assertThat(byDoctor.reason()).contains("doctor's reason here");
        assertThat(rejected.reason()).contains("no longer available");
        assertThat(rejected.cancelledBy()).isEmpty();
        List.of(byPatient, byDoctor, rejected).forEach(a -> assertThat(a.isActiveAt(BEFORE)).isFalse());
    }

}
