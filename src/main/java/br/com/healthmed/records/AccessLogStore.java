package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The access log. Implementations must pass {@code AccessLogStoreContract}. Entries are only ever
 * added, never deleted by the service; the one change an entry sees is the count of a refusal
 * repeated in a row ({@link #appendOrCountRepeat}). Entries are kept for the configured retention
 * ({@code healthmed.records.access-log-retention}): reads ignore older ones, and the DynamoDB adapter
 * lets DynamoDB delete them past it ({@code ttl}).
 */
public interface AccessLogStore {

    void append(AccessLogEntry entry);

    /**
     * Appends the entry, unless the patient's latest entry was appended with the same
     * {@code repeatKey} less than {@code window} before {@code entry.at()}: then that entry counts one
     * more occurrence, the last one at {@code entry.at()}, and nothing is added.
     */
    void appendOrCountRepeat(AccessLogEntry entry, String repeatKey, Duration window);

    /**
     * The patient's entries at or after {@code since}, newest first, at most {@code limit}, after
     * position {@code after}.
     */
    Page<AccessLogEntry> entries(AccountId patient, Instant since, int limit, Optional<String> after);

    /**
     * The log read the other way: the patient's entries at or after {@code since}, oldest first, at most
     * {@code limit}, strictly newer than position {@code before} when given.
     */
    Page<AccessLogEntry> newer(AccountId patient, Instant since, int limit, Optional<String> before);

    /**
     * Counts one failed look-up by {@code caller} in the window starting at {@code windowStart}
     * (atomically, whichever instance serves the caller); the count so far, this one included.
     */
    long countFailedLookup(String caller, Instant windowStart, Duration window);
}
