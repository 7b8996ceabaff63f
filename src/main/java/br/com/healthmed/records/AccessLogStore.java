package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.util.Optional;

/**
 * The append-only access log. Implementations must pass {@code AccessLogStoreContract}: entries are
 * only ever added, never changed or deleted, and carry no expiry (health-record retention is measured
 * in years).
 */
public interface AccessLogStore {

    void append(AccessLogEntry entry);

    /** The patient's entries, newest first, at most {@code limit}, after position {@code after}. */
    Page<AccessLogEntry> entries(AccountId patient, int limit, Optional<String> after);
}
