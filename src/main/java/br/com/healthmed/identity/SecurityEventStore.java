package br.com.healthmed.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Where security-log entries live. Implementations must pass {@code SecurityEventStoreContract}.
 * Append-only: an entry is never changed or deleted by the service. Entries older than the retention
 * ({@link SecurityLogProperties#retention()}) are left out of every read, and the DynamoDB adapter lets
 * DynamoDB delete them ({@code ttl}).
 */
public interface SecurityEventStore {

    /** Adds the entry; adding the same entry (same account and id) again changes nothing. */
    void append(SecurityEvent event);

    /**
     * The account's entries at or after {@code since}, newest first, at most {@code limit}, strictly
     * after (older than) the position {@code after} when given.
     */
    Page page(AccountId account, Instant since, int limit, Optional<String> after);

    /**
     * Reading the log the other way: the account's entries at or after {@code since}, oldest first, at
     * most {@code limit}, strictly newer than the position {@code before} when given. {@code next} is the
     * position of the last (newest) one, present when newer ones may follow.
     */
    Page newer(AccountId account, Instant since, int limit, Optional<String> before);

    /** One page of entries in the order read; {@code next} is the position of the last one, present when more may follow. */
    @NamedInterface("api")
    record Page(List<SecurityEvent> items, Optional<String> next) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
