package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.PublicationsToOffer;
import br.com.healthmed.scheduling.PublicationsToOffer.Marker;
import br.com.healthmed.scheduling.SlotId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PublicationsToOffer} promises: a marker stays, whole, until removed, due from its next
 * attempt on (not before: the publishing instance is still offering it), and a retry moves it later
 * without bringing back a marker another instance removed meanwhile.
 */
abstract class PublicationsToOfferContract {

    static final Instant NOW = Instant.parse("2027-03-15T12:30:00Z");

    protected abstract PublicationsToOffer store();

    @Test
    void aMarkerIsDueFromItsNextAttemptWithEverySlotInOrderUntilRemoved() {
        List<SlotId> slots = IntStream.range(0, PublicationsToOffer.SLOTS_PER_MARKER).mapToObj(i -> SlotId.random()).toList();
        Marker marker = new Marker(UUID.randomUUID(), slots, NOW, 0, NOW.plus(PublicationsToOffer.GRACE));
        store().add(List.of(marker));

        assertThat(mine(NOW.plus(PublicationsToOffer.GRACE).minusSeconds(1), marker)).as("within the grace").isEmpty();
        assertThat(mine(NOW.plus(PublicationsToOffer.GRACE), marker)).containsExactly(marker);
        assertThat(mine(NOW.plus(Duration.ofDays(30)), marker)).as("however late").containsExactly(marker);

        store().remove(marker.id());
        assertThat(mine(NOW.plus(Duration.ofDays(30)), marker)).isEmpty();
        store().remove(marker.id()); // again: nothing
    }

    @Test
    void aRetryMovesTheMarkerLaterAndCountsItsFailuresButNeverBringsBackARemovedOne() {
        Marker marker = new Marker(UUID.randomUUID(), List.of(SlotId.random()), NOW, 0, NOW);
        Marker removed = new Marker(UUID.randomUUID(), List.of(SlotId.random()), NOW, 0, NOW);
        store().add(List.of(marker, removed));
        Instant later = NOW.plus(Duration.ofMinutes(4));

        store().retryAt(marker.id(), 3, later);
        store().remove(removed.id());
        store().retryAt(removed.id(), 1, later); // the instance that failed it, after another one finished it

        assertThat(mine(later.minusSeconds(1), marker)).isEmpty();
        assertThat(mine(later, marker)).containsExactly(new Marker(marker.id(), marker.slots(), NOW, 3, later));
        assertThat(mine(later.plus(Duration.ofDays(1)), removed)).isEmpty();
    }

    @Test
    void everyDueMarkerIsFoundWhateverItsShardAndAReadIsBounded() {
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            markers.add(new Marker(UUID.randomUUID(), List.of(SlotId.random(), SlotId.random()), NOW, 0, NOW));
        }
        store().add(markers); // more than one batch write of 25
        Set<UUID> ids = markers.stream().map(Marker::id).collect(Collectors.toSet());
        Instant at = NOW.plusSeconds(1);

        assertThat(store().due(at, 10_000).stream().map(Marker::id).filter(ids::contains).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store().due(at, 25)).hasSize(25);
        markers.forEach(m -> store().remove(m.id()));
        assertThat(store().due(at, 10_000)).noneMatch(m -> ids.contains(m.id()));
    }

    private List<Marker> mine(Instant now, Marker marker) {
        return store().due(now, 10_000).stream().filter(m -> m.id().equals(marker.id())).toList();
    }
}
