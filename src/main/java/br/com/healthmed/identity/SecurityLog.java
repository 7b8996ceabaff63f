package br.com.healthmed.identity;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * An account's security log, for its owner ({@code mySecurityEvents}): logins, logouts, revoked
 * sessions, and every change to how the account is reached or proves who it is. Every module that
 * performs such an action on behalf of an account records it here.
 *
 * <p>Entries are append-only and kept for {@code healthmed.security-log.retention} (two years by
 * default, docs/account.md), then dropped.
 */
@NamedInterface("api")
public interface SecurityLog {

    /**
     * Appends an entry for {@code account}, now. {@code clientAddress}: the caller's network address
     * ({@link br.com.healthmed.platform.web.ClientAddress}), absent when no client asked.
     */
    void record(AccountId account, SecurityEventKind kind, Optional<String> clientAddress);

    /**
     * The account's entries, newest first: at most {@code first}, after the position {@code after}
     * (from a previous page's {@link SecurityEventStore.Page#next()}).
     */
    SecurityEventStore.Page events(AccountId account, int first, Optional<String> after);

    /** The entries newer than the position {@code before}, oldest first (the log read backwards): at most {@code last}. */
    SecurityEventStore.Page newerEvents(AccountId account, int last, Optional<String> before);
}
