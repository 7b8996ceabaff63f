package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The access log's flood control. Every failed file look-up (a file that is not the caller's, or does
 * not exist) is counted per caller and window, in the store, so all instances share the count. Past
 * {@code max-failed-lookups} in a window the caller is answered {@code TOO_MANY_REFUSALS} until the
 * window ends — for every failing id, existing or not, so the limit tells nothing about which ids
 * exist — and nothing more goes into anyone's access log. Look-ups that succeed are never limited.
 */
@Component
class FailedLookups {

    private final AccessLogStore store;
    private final RecordsProperties properties;
    private final Clock clock;

    FailedLookups(AccessLogStore store, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts a failed look-up by the caller; {@code TOO_MANY_REFUSALS} once over the limit. */
    void count(Requester who) {
        Duration window = properties.refusalWindow();
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        if (store.countFailedLookup(key(who), windowStart, window) > properties.maxFailedLookups()) {
            long retryAfter = Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds());
            throw new DomainException(RecordsErrors.TOO_MANY_REFUSALS, "Too many requests for files that are not yours or do not"
                    + " exist; try again in " + retryAfter + " seconds.", Map.of("retryAfterSeconds", retryAfter));
        }
    }

    /** Who is counted: the account, or for an anonymous caller the network address. */
    static String key(Requester who) {
        return who.account().map(AccountId::toString).map(id -> "account:" + id).orElse("address:" + who.address());
    }
}
