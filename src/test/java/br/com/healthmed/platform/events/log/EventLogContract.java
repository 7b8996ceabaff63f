package br.com.healthmed.platform.events.log;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} promises, whatever the events: each owner's log holds each event once, however
 * often and however concurrently it is appended (a relay retrying after a crash, two instances relaying the
 * same notice), at consecutive increasing positions in append order, so "after position p" is a complete and
 * repeatable replay; an empty log starts at its first day's base, one base however its first appends straddle
 * midnight.
 */
abstract class EventLogContract {

    static final Instant NOW = Instant.parse("2027-03-15T12:30:00Z");

    protected abstract EventLog<Noted> log();

    private final Noted.Owner owner = Noted.Owner.random();

    @Test
    void eventsAreLoggedInAppendOrderAndReadBackWhole() {
        Logged<Noted> first = log().append(owner, Noted.at(NOW), NOW);
        Logged<Noted> second = log().append(owner, Noted.at(NOW.minusSeconds(30)), NOW.plusSeconds(1)); // happened earlier, appended later
        Logged<Noted> third = log().append(owner, Noted.at(NOW.plusSeconds(2)), NOW.plusSeconds(2));

        assertThat(second.position()).isEqualTo(first.position() + 1);
        assertThat(third.position()).isEqualTo(second.position() + 1);
        assertThat(log().after(owner, 0, 10)).containsExactly(first, second, third);
        assertThat(log().after(owner, first.position(), 10)).containsExactly(second, third);
        assertThat(log().after(owner, first.position(), 1)).containsExactly(second);
        assertThat(log().after(owner, third.position(), 10)).isEmpty();
        assertThat(log().last(owner)).isEqualTo(third.position());
        assertThat(log().at(owner, second.position())).contains(second);
        assertThat(second.appendedAt()).isEqualTo(NOW.plusSeconds(1));
        // another owner's log is its own
        Noted.Owner other = Noted.Owner.random();
        assertThat(log().after(other, 0, 10)).isEmpty();
        assertThat(log().last(other)).isZero();
        assertThat(log().at(other, second.position())).isEmpty();
    }

    @Test
    void appendingAnEventAgainLeavesItWhereItIsEvenAfterLaterEvents() {
        Noted noted = Noted.at(NOW);
        Logged<Noted> first = log().append(owner, noted, NOW);
        log().append(owner, Noted.at(NOW), NOW.plusSeconds(1));
        log().append(owner, Noted.at(NOW), NOW.plusSeconds(2));

        Logged<Noted> again = log().append(owner, noted, NOW.plus(Duration.ofHours(3))); // a relay retrying much later

        assertThat(again).isEqualTo(first);
        assertThat(log().after(owner, 0, 10)).hasSize(3);
    }

    @Test
    void appendersOfTheSameAndDifferentEventsAtOnceLogEachOnceAtConsecutivePositions() throws InterruptedException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<Noted> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(Noted.at(NOW));
        }
        List<Noted> appends = new ArrayList<>(); // three relays of each event at once
        for (Noted event : events) {
            appends.add(event);
            appends.add(event);
            appends.add(event);
        }
        Collections.shuffle(appends, random);

        List<Object> results = Concurrently.run(appends.size(), i -> () -> log().append(owner, appends.get(i), NOW));

        assertThat(results).as("seed %d", seed).allMatch(r -> r instanceof Logged<?>);
        List<Logged<Noted>> logged = log().after(owner, 0, 100);
        assertThat(logged).extracting(Logged::event).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(events);
        for (int i = 1; i < logged.size(); i++) {
            assertThat(logged.get(i).position()).as("seed %d", seed).isEqualTo(logged.get(i - 1).position() + 1);
        }
        for (int i = 0; i < appends.size(); i++) { // every appender was told the one position each event has
            Noted appended = appends.get(i);
            assertThat(((Logged<?>) results.get(i)).position()).as("seed %d", seed)
                    .isEqualTo(logged.stream().filter(l -> l.event().equals(appended)).findFirst().orElseThrow().position());
        }
    }

    @Test
    void aLogStartsAtItsFirstDaysBaseAndGoesOnFromThereOnLaterDays() {
        Instant earlier = NOW.minus(Duration.ofDays(3));
        Logged<Noted> first = log().append(owner, Noted.at(earlier), earlier);
        Logged<Noted> later = log().append(owner, Noted.at(NOW), NOW);

        assertThat(first.position()).isEqualTo(EventLog.firstPosition(earlier));
        assertThat(later.position()).isEqualTo(first.position() + 1);
    }

    @Test
    void firstAppendsToOneEmptyLogEitherSideOfMidnightShareOneBase() throws InterruptedException {
        Instant beforeMidnight = Instant.parse("2027-03-15T23:59:59Z");
        Instant afterMidnight = Instant.parse("2027-03-16T00:00:01Z"); // or an instance whose clock runs ahead
        for (int round = 0; round < 5; round++) {
            Noted.Owner fresh = Noted.Owner.random();
            List<Instant> clocks = List.of(beforeMidnight, afterMidnight);

            List<Object> results = Concurrently.run(2, i -> () -> log().append(fresh, Noted.at(clocks.get(i)), clocks.get(i)));

            assertThat(results).allMatch(r -> r instanceof Logged<?>);
            List<Logged<Noted>> logged = log().after(fresh, 0, 10);
            // a subscriber that read the higher one first would never get the lower one: one base, consecutive
            assertThat(logged).hasSize(2);
            assertThat(logged.get(1).position()).isEqualTo(logged.get(0).position() + 1);
        }
    }
}
