package br.com.healthmed.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a due check that failed is tried again: 1 min, 2, 4 … doubling with each failure, at most 6 h, each
 * jittered down to half of it so that checks failing together do not come back together. The jitter is
 * derived from the appointment and the failure count (not random) and counted from the run's minute, so that
 * every instance postponing the same check in the same minute picks the same time and stores the same item.
 */
final class CheckBackoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(6);

    private CheckBackoff() {}

    static Instant after(Instant now, AppointmentId appointment, int failures) {
        return after(now, appointment.toString(), failures);
    }

    /** The same backoff for a publication's marker ({@link PublishedSlotOffers}). */
    static Instant after(Instant now, java.util.UUID marker, int failures) {
        return after(now, marker.toString(), failures);
    }

    private static Instant after(Instant now, String key, int failures) {
        long full = Math.min(LONGEST.toSeconds(), FIRST.toSeconds() << Math.min(failures - 1, 20));
        long jittered = full / 2 + Math.floorMod(jitterSeed(key, failures), full / 2 + 1);
        return now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(jittered);
    }

    private static long jitterSeed(String key, int failures) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((key + "#" + failures).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (hash[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
