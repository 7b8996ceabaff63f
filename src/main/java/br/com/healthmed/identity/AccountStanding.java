package br.com.healthmed.identity;

import org.springframework.modulith.NamedInterface;

/**
 * A rule on whether an account whose owner just proved their password may have a session, kept by
 * another module (e.g. privacy: a deactivated account may not log in, but may come back within a grace
 * period). Login asks every such bean; with none, every proven account logs in.
 */
@NamedInterface("api")
public interface AccountStanding {

    /** Returns if the account may log in now; throws a {@code DomainException} saying why not otherwise. */
    void admit(AccountSummary account);

    /**
     * The owner, having just proven the password, asks to have the account back ({@code reactivateAccount}).
     * Returns true when this rule had kept the account out and now lets it in again, false when it had
     * not kept it out; throws a {@code DomainException} when it keeps it out still (e.g. the grace ended).
     * Repeating it after success returns true again or false; never undoes anything.
     */
    boolean restore(AccountSummary account, String clientAddress);
}
