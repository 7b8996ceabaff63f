package br.com.healthmed.identity;

import org.springframework.modulith.NamedInterface;

/**
 * What other modules may do to an account's sessions: end them all (a deactivation, an erasure). Opening
 * sessions, refreshing and the rest of {@link SessionService} stay inside this module.
 */
@NamedInterface("api")
public interface SessionTermination {

    /** Ends every open session of the account, on every instance; the holders learn {@code reason}. */
    void revokeAll(AccountId account, SessionEnded.Reason reason);
}
