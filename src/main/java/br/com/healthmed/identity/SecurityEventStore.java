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

    /** One page of entries; {@code next} is the position of the last one, present when more may follow. */
    @NamedInterface("api")
    record Page(List<SecurityEvent> items, Optional<String> next) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
