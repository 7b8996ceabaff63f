package br.com.healthmed.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a publication of slots must still cause: offering its new slots to the doctor's waitlist. Each
 * publication is noted, as one or more markers of at most {@link #SLOTS_PER_MARKER} slots, <em>before</em>
 * its slots are stored, so a crash (or a full queue, or a failure while offering) after the slots are
 * stored leaves a marker to redo; a marker whose slots never landed is harmless (a missing slot is not
 * offerable). A marker is removed once every slot of it was offered or found not offerable. Implementations
 * must pass {@code PublicationsToOfferContract}.
 */
public interface PublicationsToOffer {

    /** The most slots one marker names: a publication of more is several markers, each redone on its own. */
    int SLOTS_PER_MARKER = 100;

    /**
     * How long a new marker is left to the instance that published before sweeps redo it: more than the
     * {@code DynamoSlotStore}'s one-minute grace for slot items on their way, so a sweep never finds a slot
     * still being written and takes it for one that never will be.
     */
    Duration GRACE = Duration.ofMinutes(2);

    /** Stores the markers (each due at its {@code nextAttempt}); all of them before the call returns. */
    void add(List<Marker> markers);

    /** Markers whose next attempt is due at {@code now}, in no particular order, at most {@code limit}. */
    List<Marker> due(Instant now, int limit);

    /** An attempt failed: the marker is due again at {@code next}, after {@code attempts} failures; nothing if it is gone. */
    void retryAt(UUID marker, int attempts, Instant next);

    /** Removes the marker (done); nothing if it is gone already. */
    void remove(UUID marker);

    /** Slots of one publication still to offer; {@code since} is when it was noted. */
    record Marker(UUID id, List<SlotId> slots, Instant since, int attempts, Instant nextAttempt) {
        public Marker {
            Objects.requireNonNull(id);
            slots = List.copyOf(slots);
            if (slots.isEmpty() || slots.size() > SLOTS_PER_MARKER) {
                throw new IllegalArgumentException("A marker names 1 to " + SLOTS_PER_MARKER + " slots, not " + slots.size());
            }
            Objects.requireNonNull(since);
            Objects.requireNonNull(nextAttempt);
        }
    }
}
