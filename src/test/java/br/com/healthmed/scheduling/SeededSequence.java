package br.com.healthmed.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What every model test's random sequence shares: its seed and the random source drawn from it, the
 * log of its steps, and how it fails — with the seed to rerun it and the last steps, so that a
 * failure found by a random seed can be replayed exactly.
 */
abstract class SeededSequence {

    final long seed;
    final Random random;
    final List<String> log = new ArrayList<>();
    private final String name;
    private final int stepsShown;
    private final Clock clock;

    SeededSequence(String name, long seed, int stepsShown, Clock clock) {
        this.name = name;
        this.seed = seed;
        this.random = new Random(seed);
        this.stepsShown = stepsShown;
        this.clock = clock;
    }

    String context() {
        int from = Math.max(0, log.size() - stepsShown);
        return name + " " + seed + " (rerun with -Dscheduling.model.seed=" + seed + "), now " + clock.instant()
                + ", last steps:\n  " + String.join("\n  ", log.subList(from, log.size())) + "\n";
    }

    void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionError(context() + message.get());
        }
    }

    /**
     * Waits until the slots just published have been offered to the waitlist in the background (nobody
     * waits for them yet): an offer attempt that ran later would judge, and settle, the slots' holders
     * in the middle of the sequence.
     */
    void awaitPublicationsOffered(PublishedSlotOffers offers) {
        check(SchedulingFixture.publicationsOffered(offers),
                () -> "the publication was not offered within " + SchedulingFixture.PUBLICATION_PATIENCE);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
