package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.Slot;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.scheduling.SlotStore;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SlotStore} promises: slots come back as stored and listed in order; no two slots
 * of a doctor ever overlap, even when publishes race; a slot is held by at most one appointment, even
 * when hundreds of claims race; a retried claim is recognised; releases and removals respect the holder.
 */
abstract class SlotStoreContract {

    /** A Monday, well in the future; slot times are whole seconds, as the service requires. */
    static final Instant DAY = Instant.parse("2027-03-15T00:00:00Z");
    static final Instant CLAIMED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    protected abstract SlotStore store();

    private final AccountId doctor = AccountId.random();

    static Instant at(String time) {
        return Instant.parse("2027-03-15T" + time + ":00Z");
    }

    static Slot slot(AccountId doctor, Instant start, int minutes) {
        return Slot.free(doctor, start, start.plus(Duration.ofMinutes(minutes)));
    }

    static Slot.Hold hold(AccountId patient, String key) {
        return new Slot.Hold(AppointmentId.random(), patient, key, CLAIMED_AT);
    }

    private Slot published(Instant start) {
        Slot slot = slot(doctor, start, 50);
        assertThat(store().addAll(doctor, List.of(slot))).isEmpty();
        return slot;
    }

    private List<Slot> wholeDay(AccountId doctorId) {
        return store().ofDoctor(doctorId, DAY, DAY.plus(Duration.ofDays(1)), 1000);
    }

    // --- adding and reading ---------------------------------------------------------------------

    @Test
    void addedSlotsComeBackAsStoredAndAreListedByStartWithinFromInclusiveToExclusive() {
        Slot ten = slot(doctor, at("10:00"), 50);
        Slot eight = slot(doctor, at("08:00"), 50);
        Slot nine = slot(doctor, at("09:00"), 50);
        Slot otherDoctors = slot(AccountId.random(), at("09:00"), 50);

        assertThat(store().addAll(doctor, List.of(ten, eight, nine))).isEmpty();
        assertThat(store().addAll(otherDoctors.doctorId(), List.of(otherDoctors))).isEmpty();

        assertThat(store().find(nine.id())).contains(nine);
        assertThat(store().find(SlotId.random())).isEmpty();
        assertThat(store().ofDoctor(doctor, at("08:00"), at("10:00"), 100)).containsExactly(eight, nine);
        assertThat(store().ofDoctor(doctor, at("08:01"), at("11:00"), 100)).containsExactly(nine, ten);
        assertThat(store().ofDoctor(doctor, at("07:00"), at("12:00"), 2)).containsExactly(eight, nine);
        assertThat(store().ofDoctor(doctor, at("10:00"), at("10:00"), 100)).isEmpty();
        assertThat(store().ofDoctor(AccountId.random(), at("00:00"), at("23:00"), 100)).isEmpty();
    }

    @Test
    void aDoctorsSlotsAreListedInOrderAcrossAMonthBoundary() {
        Slot lastOfMarch = slot(doctor, Instant.parse("2027-03-31T23:30:00Z"), 50);
        Slot firstOfApril = slot(doctor, Instant.parse("2027-04-01T00:30:00Z"), 50);
        Slot mayDay = slot(doctor, Instant.parse("2027-05-01T12:00:00Z"), 50);
        assertThat(store().addAll(doctor, List.of(mayDay, firstOfApril, lastOfMarch))).isEmpty();

        assertThat(store().ofDoctor(doctor, Instant.parse("2027-03-31T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"), 100))
                .containsExactly(lastOfMarch, firstOfApril, mayDay);
        assertThat(store().ofDoctor(doctor, Instant.parse("2027-03-31T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"), 2))
                .containsExactly(lastOfMarch, firstOfApril);
    }

    @Test
    void anOverlappingPublishIsRefusedWithTheSlotItCollidesWithAndAddsNothing() {
        Slot nine = published(at("09:00"));

        Optional<Slot> conflict = store().addAll(doctor, List.of(slot(doctor, at("11:00"), 50), slot(doctor, at("09:30"), 50)));

        assertThat(conflict).contains(nine);
        assertThat(wholeDay(doctor)).containsExactly(nine);
        // the same start, a slot containing it, a slot inside it: all refused
        assertThat(store().addAll(doctor, List.of(slot(doctor, at("09:00"), 50)))).contains(nine);
        assertThat(store().addAll(doctor, List.of(slot(doctor, at("08:30"), 120)))).contains(nine);
        assertThat(store().addAll(doctor, List.of(slot(doctor, at("09:10"), 10)))).contains(nine);
        assertThat(wholeDay(doctor)).containsExactly(nine);
    }

    @Test
    void adjacentSlotsAndOtherDoctorsSlotsAtTheSameTimeAreAllowed() {
        Slot nine = published(at("09:00"));
        Slot before = slot(doctor, at("08:10"), 50); // ends 09:00
        Slot after = slot(doctor, at("09:50"), 50);  // starts when nine ends
        AccountId colleague = AccountId.random();
        Slot colleagues = slot(colleague, at("09:00"), 50);

        assertThat(store().addAll(doctor, List.of(before, after))).isEmpty();
        assertThat(store().addAll(colleague, List.of(colleagues))).isEmpty();

        assertThat(wholeDay(doctor)).containsExactly(before, nine, after);
        assertThat(wholeDay(colleague)).containsExactly(colleagues);
    }

    @Test
    void ofTwentyConcurrentPublishesOfOverlappingSlotsExactlyOneLands() throws Exception {
        List<Slot> wanted = IntStream.range(0, 20).mapToObj(i -> slot(doctor, at("09:00").plus(Duration.ofMinutes(i)), 50)).toList();

        List<Object> results = Concurrently.run(20, i -> () -> store().addAll(doctor, List.of(wanted.get(i))));

        List<Integer> winners = IntStream.range(0, 20).filter(i -> Optional.empty().equals(results.get(i))).boxed().toList();
        assertThat(winners).as("results %s", results).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof Optional<?> o && o.isPresent()).hasSize(19);
        assertThat(wholeDay(doctor)).containsExactly(wanted.get(winners.get(0)));
    }

    @Test
    void concurrentPublishesOfAChainOfOverlappingSlotsNeverLeaveTwoOverlappingSlots() throws Exception {
        // slot i overlaps slot i-1 and i+1 only: several may win, never two neighbours
        List<Slot> wanted = IntStream.range(0, 10).mapToObj(i -> slot(doctor, at("08:00").plus(Duration.ofMinutes(30L * i)), 50)).toList();

        List<Object> results = Concurrently.run(10, i -> () -> store().addAll(doctor, List.of(wanted.get(i))));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Optional.class));
        List<Slot> stored = wholeDay(doctor);
        List<Slot> winners = IntStream.range(0, 10).filter(i -> Optional.empty().equals(results.get(i))).mapToObj(wanted::get).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(winners);
        for (int i = 0; i < stored.size(); i++) {
            for (int j = i + 1; j < stored.size(); j++) {
                assertThat(stored.get(i).overlaps(stored.get(j).start(), stored.get(j).end()))
                        .as("%s overlaps %s", stored.get(i), stored.get(j)).isFalse();
            }
        }
        for (Slot refused : wanted) {
            if (!winners.contains(refused)) {
                assertThat(stored).as("a refused slot collided with a stored one: %s", refused)
                        .anyMatch(s -> s.overlaps(refused.start(), refused.end()));
            }
        }
    }

    @Test
    void concurrentPublishesOfSeparateDaysAllLandAndEachIsThenKnownToTheOverlapCheck() throws Exception {
        List<Slot> wanted = IntStream.range(0, 8).mapToObj(i -> slot(doctor, at("09:00").plus(Duration.ofDays(i)), 50)).toList();

        List<Object> results = Concurrently.run(8, i -> () -> store().addAll(doctor, List.of(wanted.get(i))));

        assertThat(results).as("results").allSatisfy(r -> assertThat(r).isEqualTo(Optional.empty()));
        assertThat(store().ofDoctor(doctor, DAY, DAY.plus(Duration.ofDays(10)), 100)).containsExactlyElementsOf(wanted);
        for (Slot slot : wanted) {
            assertThat(store().addAll(doctor, List.of(slot(doctor, slot.start().plus(Duration.ofMinutes(10)), 50))))
                    .as("overlap with %s", slot).contains(slot);
        }
    }

    // --- claiming ---------------------------------------------------------------------------------

    @Test
    void ofTwoHundredConcurrentClaimsByDifferentPatientsExactlyOneSucceeds() throws Exception {
        Slot slot = published(at("09:00"));
        List<Slot.Hold> holds = IntStream.range(0, 200).mapToObj(i -> hold(AccountId.random(), "key-" + i)).toList();

        List<Object> results = Concurrently.run(200, i -> () -> store().claim(slot.id(), holds.get(i), Optional.empty()));

        List<Integer> winners = IntStream.range(0, 200)
                .filter(i -> results.get(i) instanceof Optional<?> o && o.isPresent()).boxed().toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(Optional.empty()::equals).hasSize(199);
        Slot.Hold winner = holds.get(winners.get(0));
        assertThat(results.get(winners.get(0))).isEqualTo(Optional.of(slot.heldBy(winner)));
        assertThat(store().find(slot.id())).contains(slot.heldBy(winner));
    }

    @Test
    void aRetriedClaimOfTheSameRequestSucceedsAgainWithTheFirstHoldsAppointment() {
        Slot slot = published(at("09:00"));
        AccountId patient = AccountId.random();
        Slot.Hold first = hold(patient, "request-1");

        assertThat(store().claim(slot.id(), first, Optional.empty())).contains(slot.heldBy(first));
        Optional<Slot> retried = store().claim(slot.id(), hold(patient, "request-1"), Optional.empty());

        assertThat(retried).isPresent();
        assertThat(retried.get().hold().orElseThrow().appointmentId()).isEqualTo(first.appointmentId());
        assertThat(store().find(slot.id()).orElseThrow().hold().orElseThrow().appointmentId()).isEqualTo(first.appointmentId());
        // another request of the same patient, or the same key of another patient, is someone else
        assertThat(store().claim(slot.id(), hold(patient, "request-2"), Optional.empty())).isEmpty();
        assertThat(store().claim(slot.id(), hold(AccountId.random(), "request-1"), Optional.empty())).isEmpty();
        assertThat(store().find(slot.id()).orElseThrow().hold()).contains(first);
    }

    @Test
    void aClaimReplacingExactlyTheCurrentHoldTakesOverAndReplacingAnyOtherHoldIsRefused() {
        Slot slot = published(at("09:00"));
        Slot.Hold ended = hold(AccountId.random(), "k");
        store().claim(slot.id(), ended, Optional.empty());
        Slot.Hold next = hold(AccountId.random(), "k");

        assertThat(store().claim(slot.id(), hold(AccountId.random(), "k"), Optional.of(hold(AccountId.random(), "k")))).isEmpty();
        // the same appointment under another key or claim time is another hold: not taken over
        Slot.Hold sameAppointmentOtherKey = new Slot.Hold(ended.appointmentId(), ended.patientId(), "other", ended.claimedAt());
        Slot.Hold sameAppointmentLater = new Slot.Hold(ended.appointmentId(), ended.patientId(), "k", ended.claimedAt().plusSeconds(1));
        assertThat(store().claim(slot.id(), hold(AccountId.random(), "k"), Optional.of(sameAppointmentOtherKey))).isEmpty();
        assertThat(store().claim(slot.id(), hold(AccountId.random(), "k"), Optional.of(sameAppointmentLater))).isEmpty();
        assertThat(store().claim(slot.id(), next, Optional.of(ended))).contains(slot.heldBy(next));
        // the replaced hold is gone: replacing it again takes nothing
        assertThat(store().claim(slot.id(), hold(AccountId.random(), "k"), Optional.of(ended))).isEmpty();
        assertThat(store().find(slot.id())).contains(slot.heldBy(next));
    }

    @Test
    void releasingAnExactHoldFreesOnlyThatHold() {
        Slot slot = published(at("09:00"));
        Slot.Hold first = hold(AccountId.random(), "k");
        store().claim(slot.id(), first, Optional.empty());
        Slot.Hold anew = new Slot.Hold(first.appointmentId(), first.patientId(), "move 2", first.claimedAt().plusSeconds(5));
        assertThat(store().claim(slot.id(), anew, Optional.of(first))).contains(slot.heldBy(anew));

        store().release(slot.id(), first); // the older hold of the same appointment: nothing happens
        assertThat(store().find(slot.id())).contains(slot.heldBy(anew));
        store().release(slot.id(), anew);
        assertThat(store().find(slot.id())).contains(slot);
        store().release(SlotId.random(), anew);
    }

    @Test
    void aClaimOfASlotThatDoesNotExistFails() {
        assertThat(store().claim(SlotId.random(), hold(AccountId.random(), "k"), Optional.empty())).isEmpty();
    }

    @Test
    void aReleaseByAnotherAppointmentDoesNothingAndTheHoldersReleaseFreesTheSlotForAnotherPatient() {
        Slot slot = published(at("09:00"));
        Slot.Hold holder = hold(AccountId.random(), "k");
        store().claim(slot.id(), holder, Optional.empty());

        store().release(slot.id(), AppointmentId.random());
        assertThat(store().find(slot.id())).contains(slot.heldBy(holder));
        assertThat(store().claim(slot.id(), hold(AccountId.random(), "k2"), Optional.empty())).isEmpty();

        store().release(slot.id(), holder.appointmentId());
        assertThat(store().find(slot.id())).contains(slot);
        store().release(slot.id(), holder.appointmentId()); // again: nothing happens
        store().release(SlotId.random(), holder.appointmentId());

        Slot.Hold another = hold(AccountId.random(), "k3");
        assertThat(store().claim(slot.id(), another, Optional.empty())).contains(slot.heldBy(another));
        assertThat(store().find(slot.id())).contains(slot.heldBy(another));
    }

    // --- removing ---------------------------------------------------------------------------------

    @Test
    void aHeldSlotIsNotRemovedAFreeOneIsAndItsPeriodCanBePublishedAgain() {
        Slot held = published(at("09:00"));
        Slot free = published(at("10:00"));
        Slot.Hold holder = hold(AccountId.random(), "k");
        store().claim(held.id(), holder, Optional.empty());

        assertThat(store().remove(held.id(), Optional.empty())).isFalse();
        assertThat(store().remove(held.id(), Optional.of(hold(AccountId.random(), "k")))).isFalse();
        assertThat(store().find(held.id())).contains(held.heldBy(holder));

        assertThat(store().remove(free.id(), Optional.empty())).isTrue();
        assertThat(store().find(free.id())).isEmpty();
        assertThat(wholeDay(doctor)).containsExactly(held.heldBy(holder));
        assertThat(store().remove(free.id(), Optional.empty())).as("already gone").isTrue();
        assertThat(store().remove(SlotId.random(), Optional.empty())).as("never existed").isTrue();

        Slot again = slot(doctor, at("10:00"), 50);
        assertThat(store().addAll(doctor, List.of(again))).isEmpty();
        assertThat(wholeDay(doctor)).containsExactly(held.heldBy(holder), again);
    }

    @Test
    void aSlotHeldByAnEndedAppointmentIsRemovedWhenThatHolderIsNamedAndItsPeriodFreed() {
        Slot slot = published(at("09:00"));
        Slot.Hold stale = hold(AccountId.random(), "k");
        store().claim(slot.id(), stale, Optional.empty());

        assertThat(store().remove(slot.id(), Optional.of(stale))).isTrue();

        assertThat(store().find(slot.id())).isEmpty();
        assertThat(wholeDay(doctor)).isEmpty();
        Slot again = slot(doctor, at("09:20"), 50);
        assertThat(store().addAll(doctor, List.of(again))).isEmpty();
        assertThat(wholeDay(doctor)).containsExactly(again);
    }

}
