package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.AppointmentStore.DueCheck;
import br.com.healthmed.scheduling.AppointmentStore.Page;
import br.com.healthmed.scheduling.AppointmentStore.Review;
import br.com.healthmed.scheduling.AppointmentStore.ReviewPage;
import br.com.healthmed.scheduling.BookingOrigin;
import br.com.healthmed.scheduling.Slot;
import br.com.healthmed.support.Concurrently;
import br.com.healthmed.telehealth.MeetingRoom;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppointmentStore} promises: an appointment is created once; a change lands only
 * over the version it was computed from, so of concurrent changes exactly one lands; listings are in
 * start order and page to the end without losing or repeating anything; the sweep's due checks come
 * oldest first; reviews newest first.
 */
abstract class AppointmentStoreContract {

    static final Instant NOW = Instant.parse("2027-03-15T12:30:00Z");
    static final Instant DAY = Instant.parse("2027-03-16T00:00:00Z");

    protected abstract AppointmentStore store();

    private final AccountId doctor = AccountId.random();
    private final AccountId patient = AccountId.random();

    static Appointment requested(AccountId doctor, AccountId patient, Instant start) {
        Slot slot = Slot.free(doctor, start, start.plus(Duration.ofMinutes(50)));
        // an origin too, so that its digests are seen to round-trip
        return Appointment.requested(AppointmentId.random(), slot, patient, Optional.of(new BigDecimal("250.00")), NOW,
                start, new BookingOrigin(Optional.of("network-digest"), Optional.of("wide-network-digest"), Optional.of("device-digest")));
    }

    private Appointment stored(Instant start) {
        Appointment appointment = requested(doctor, patient, start);
        assertThat(store().create(appointment)).isTrue();
        return appointment;
    }

    static Instant at(String time) {
        return Instant.parse("2027-03-16T" + time + ":00Z");
    }

    static MeetingRoom room(Appointment a) {
        return new MeetingRoom("room-" + a.id(), a.start().minus(Duration.ofMinutes(15)), a.end());
    }

    // --- create and update ------------------------------------------------------------------------

    @Test
    void anAppointmentIsCreatedOnceAndASecondCreateWithItsIdChangesNothing() {
        Appointment appointment = stored(at("09:00"));

        Appointment sameId = new Appointment(appointment.id(), appointment.slotId(), appointment.doctorId(), AccountId.random(),
                appointment.start(), appointment.end(), Optional.empty(), appointment.status(), 1, NOW, appointment.start(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), appointment.history(), Optional.empty());

        assertThat(store().create(sameId)).isFalse();
        assertThat(store().find(appointment.id())).contains(appointment);
        assertThat(store().find(AppointmentId.random())).isEmpty();
        assertThat(store().findAll(List.of(appointment.id(), AppointmentId.random()))).containsOnlyKeys(appointment.id())
                .containsEntry(appointment.id(), appointment);
    }

    @Test
    void aChangeOverTheStoredVersionLandsAndOneOverAStaleVersionIsRefused() {
        Appointment appointment = stored(at("09:00"));
        Appointment accepted = appointment.accept(NOW, room(appointment));

        assertThat(store().update(accepted, appointment.version())).isTrue();
        assertThat(store().find(appointment.id())).contains(accepted);

        Appointment staleReject = appointment.reject(NOW, "computed from version one");
        assertThat(store().update(staleReject, appointment.version())).isFalse();
        assertThat(store().find(appointment.id())).contains(accepted);

        Appointment cancelled = accepted.cancelByPatient(NOW.plusSeconds(60), "I cannot come after all");
        assertThat(store().update(cancelled, accepted.version())).isTrue();
        assertThat(store().find(appointment.id())).contains(cancelled);
    }

    @Test
    void anUpdateOfAnAppointmentThatDoesNotExistIsRefusedAndCreatesNothing() {
        Appointment never = requested(doctor, patient, at("09:00"));

        assertThat(store().update(never.accept(NOW, room(never)), never.version())).isFalse();
        assertThat(store().find(never.id())).isEmpty();
    }

    @Test
    void ofTwentyConcurrentChangesFromTheSameVersionExactlyOneLands() throws Exception {
        Appointment appointment = stored(at("09:00"));
        List<Appointment> changes = IntStream.range(0, 20)
                .mapToObj(i -> i % 2 == 0 ? appointment.reject(NOW, "rejection number " + i)
                        : appointment.cancelByPatient(NOW, "cancellation number " + i))
                .toList();

        List<Object> results = Concurrently.run(20, i -> () -> store().update(changes.get(i), appointment.version()));

        List<Integer> landed = IntStream.range(0, 20).filter(i -> Boolean.TRUE.equals(results.get(i))).boxed().toList();
        assertThat(landed).as("results %s", results).hasSize(1);
        assertThat(results).filteredOn(Boolean.FALSE::equals).hasSize(19);
        assertThat(store().find(appointment.id())).contains(changes.get(landed.get(0)));
    }

    // --- listings ---------------------------------------------------------------------------------

    @Test
    void aPatientsAndADoctorsAppointmentsAreListedByStartThenIdWithinFromInclusiveToExclusive() {
        List<Appointment> mine = new ArrayList<>(List.of(stored(at("11:00")), stored(at("09:00")), stored(at("10:00")),
                stored(at("10:00")), stored(at("10:00")), stored(at("08:00"))));
        Appointment atTo = stored(at("12:00"));
        Appointment anotherPatientsWithMyDoctor = requested(doctor, AccountId.random(), at("09:30"));
        Appointment mineWithAnotherDoctor = requested(AccountId.random(), patient, at("09:45"));
        store().create(anotherPatientsWithMyDoctor);
        store().create(mineWithAnotherDoctor);

        List<Appointment> expectedForPatient = new ArrayList<>(mine);
        expectedForPatient.add(mineWithAnotherDoctor);
        expectedForPatient.sort(byStartThenId());
        List<Appointment> expectedForDoctor = new ArrayList<>(mine);
        expectedForDoctor.add(anotherPatientsWithMyDoctor);
        expectedForDoctor.sort(byStartThenId());

        Page patientPage = store().ofPatient(patient, at("08:00"), at("12:00"), Optional.empty(), 100);
        assertThat(patientPage.appointments()).containsExactlyElementsOf(expectedForPatient);
        assertThat(patientPage.hasMore()).isFalse();
        assertThat(patientPage.cursors()).hasSameSizeAs(patientPage.appointments());
        assertThat(store().ofDoctor(doctor, at("08:00"), at("12:00"), Optional.empty(), 100).appointments())
                .containsExactlyElementsOf(expectedForDoctor);
        assertThat(store().ofPatient(patient, at("08:01"), at("12:01"), Optional.empty(), 100).appointments())
                .first().isEqualTo(expectedForPatient.get(1));
        assertThat(store().ofPatient(patient, at("08:01"), at("12:01"), Optional.empty(), 100).appointments())
                .last().isEqualTo(atTo);
        assertThat(store().ofPatient(AccountId.random(), at("00:00"), at("23:00"), Optional.empty(), 100).appointments()).isEmpty();
    }

    @Test
    void pagingWithTheReturnedCursorsYieldsEveryAppointmentExactlyOnce() {
        List<Appointment> all = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            all.add(stored(at("08:00").plus(Duration.ofMinutes(20L * (i / 2))))); // pairs share a start
        }
        all.sort(byStartThenId());

        for (int pageSize : List.of(1, 2, 5, 13, 14)) {
            List<Appointment> seenByPatient = walk(after -> store().ofPatient(patient, at("00:00"), at("23:00"), after, pageSize));
            List<Appointment> seenByDoctor = walk(after -> store().ofDoctor(doctor, at("00:00"), at("23:00"), after, pageSize));
            assertThat(seenByPatient).as("pages of %s", pageSize).containsExactlyElementsOf(all);
            assertThat(seenByDoctor).as("pages of %s", pageSize).containsExactlyElementsOf(all);
        }
    }

    @Test
    void readingBackwardsGivesTheLatestStartFirstWithinTheRangeAndEveryAppointmentExactlyOnce() {
        List<Appointment> all = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            all.add(stored(at("08:00").plus(Duration.ofMinutes(20L * (i / 2))))); // pairs share a start
        }
        Appointment atTo = stored(at("12:00"));
        all.sort(byStartThenId().reversed());

        for (int pageSize : List.of(1, 2, 5, 13, 14)) {
            List<Appointment> seenByPatient = walk(before -> store().ofPatient(patient, at("08:00"), at("12:00"), before, pageSize,
                    AppointmentStore.Direction.BACKWARD));
            List<Appointment> seenByDoctor = walk(before -> store().ofDoctor(doctor, at("08:00"), at("12:00"), before, pageSize,
                    AppointmentStore.Direction.BACKWARD));
            assertThat(seenByPatient).as("pages of %s", pageSize).containsExactlyElementsOf(all).doesNotContain(atTo);
            assertThat(seenByDoctor).as("pages of %s", pageSize).containsExactlyElementsOf(all);
        }
    }

    @Test
    void aBackwardCursorOutsideTheRangeStartsAtItsEndOrFindsNothing() {
        Appointment eight = stored(at("08:00"));
        Appointment nine = stored(at("09:00"));
        Appointment ten = stored(at("10:00"));
        String tenKey = store().ofPatient(patient, at("10:00"), at("11:00"), Optional.empty(), 1).cursors().get(0);
        String eightKey = store().ofPatient(patient, at("08:00"), at("09:00"), Optional.empty(), 1).cursors().get(0);

        assertThat(store().ofPatient(patient, at("08:00"), at("10:00"), Optional.of(tenKey), 10, AppointmentStore.Direction.BACKWARD)
                .appointments()).containsExactly(nine, eight);
        assertThat(store().ofPatient(patient, at("08:00"), at("09:30"), Optional.of(tenKey), 10, AppointmentStore.Direction.BACKWARD)
                .appointments()).as("a cursor past the range's end reads from the end").containsExactly(nine, eight);
        assertThat(store().ofDoctor(doctor, at("08:00"), at("11:00"), Optional.of(tenKey), 1, AppointmentStore.Direction.BACKWARD))
                .satisfies(page -> {
                    assertThat(page.appointments()).containsExactly(nine);
                    assertThat(page.hasMore()).isTrue();
                });
        assertThat(store().ofPatient(patient, at("08:00"), at("11:00"), Optional.of(eightKey), 10, AppointmentStore.Direction.BACKWARD)
                .appointments()).isEmpty();
        assertThat(store().ofPatient(patient, at("09:00"), at("11:00"), Optional.of(eightKey), 10, AppointmentStore.Direction.BACKWARD)
                .appointments()).as("a cursor before the range's start: nothing precedes it").isEmpty();
        assertThat(store().ofPatient(patient, at("08:00"), at("11:00"), Optional.empty(), 10, AppointmentStore.Direction.BACKWARD)
                .appointments()).containsExactly(ten, nine, eight);
    }

    private static List<Appointment> walk(java.util.function.Function<Optional<String>, Page> pages) {
        List<Appointment> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int guard = 0; guard < 100; guard++) {
            Page page = pages.apply(after);
            assertThat(page.cursors()).hasSameSizeAs(page.appointments());
            seen.addAll(page.appointments());
            if (!page.hasMore()) {
                return seen;
            }
            assertThat(page.appointments()).as("a page that says more follow is not empty").isNotEmpty();
            after = Optional.of(page.cursors().get(page.cursors().size() - 1));
        }
        throw new AssertionError("paging did not end");
    }

    private static Comparator<Appointment> byStartThenId() {
        return Comparator.comparing(Appointment::start).thenComparing(a -> a.id().toString());
    }

    // --- due checks -------------------------------------------------------------------------------

    @Test
    void dueChecksAreThoseAtOrBeforeNowOldestFirstAndAClearedOneIsGone() {
        AppointmentId a = AppointmentId.random();
        DueCheck threeHoursAgo = new DueCheck(a, NOW.minus(Duration.ofHours(3)));
        DueCheck anHourAgo = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofHours(1)));
        DueCheck aSecondAgo = new DueCheck(AppointmentId.random(), NOW.minusSeconds(1));
        DueCheck now = new DueCheck(AppointmentId.random(), NOW);
        DueCheck inASecond = new DueCheck(AppointmentId.random(), NOW.plusSeconds(1));
        for (DueCheck check : List.of(now, inASecond, anHourAgo, threeHoursAgo, aSecondAgo)) {
            store().scheduleCheck(check);
        }

        assertThat(store().dueChecks(NOW, 10)).containsExactly(threeHoursAgo, anHourAgo, aSecondAgo, now);
        assertThat(store().dueChecks(NOW, 2)).containsExactly(threeHoursAgo, anHourAgo);

        store().clearCheck(anHourAgo);
        assertThat(store().dueChecks(NOW, 10)).containsExactly(threeHoursAgo, aSecondAgo, now);
        assertThat(store().dueChecks(NOW.plusSeconds(1), 10)).containsExactly(threeHoursAgo, aSecondAgo, now, inASecond);
    }

    /** A check no sweep made in time (every instance down for days, a check that kept failing) is still due, oldest first. */
    @Test
    void aCheckStaysDueHoweverLongAgoItsTimeWasUntilCleared() {
        DueCheck aMonthAgo = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofDays(30)));
        DueCheck twoDaysAgo = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofDays(2)).minusSeconds(1));
        DueCheck anHourAgo = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofHours(1)));
        for (DueCheck check : List.of(anHourAgo, twoDaysAgo, aMonthAgo)) {
            store().scheduleCheck(check);
        }

        assertThat(store().dueChecks(NOW, 10)).containsExactly(aMonthAgo, twoDaysAgo, anHourAgo);
        assertThat(store().dueChecks(NOW.plus(Duration.ofDays(365)), 1)).containsExactly(aMonthAgo);

        store().clearCheck(aMonthAgo);
        assertThat(store().dueChecks(NOW, 10)).containsExactly(twoDaysAgo, anHourAgo);
    }


    @Test
    void reviewsAreListedNewestFirstPageByPageAndStoredOncePerAppointment() {
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Review review = new Review(AppointmentId.random(), doctor, 1 + i, i % 2 == 0 ? Optional.of("review " + i) : Optional.empty(),
                    NOW.plus(Duration.ofMinutes(i)));
            reviews.add(review);
            store().addReview(review);
        }
        store().addReview(new Review(AppointmentId.random(), AccountId.random(), 5, Optional.empty(), NOW));
        Review first = reviews.get(0);
        store().addReview(first); // a retry
        store().addReview(new Review(first.appointmentId(), doctor, 2, Optional.of("changed my mind"), first.ratedAt()));

        List<Review> newestFirst = new ArrayList<>(reviews);
        java.util.Collections.reverse(newestFirst);
        ReviewPage all = store().reviewsOf(doctor, Optional.empty(), 10);
        assertThat(all.reviews()).containsExactlyElementsOf(newestFirst);
        assertThat(all.hasMore()).isFalse();

        ReviewPage one = store().reviewsOf(doctor, Optional.empty(), 2);
        ReviewPage two = store().reviewsOf(doctor, Optional.of(one.cursors().get(1)), 2);
        ReviewPage three = store().reviewsOf(doctor, Optional.of(two.cursors().get(1)), 2);
        assertThat(one.reviews()).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(one.hasMore()).isTrue();
        assertThat(two.reviews()).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(two.hasMore()).isTrue();
        assertThat(three.reviews()).containsExactly(first);
        assertThat(three.hasMore()).isFalse();
        assertThat(store().reviewsOf(AccountId.random(), Optional.empty(), 10).reviews()).isEmpty();
    }
}
