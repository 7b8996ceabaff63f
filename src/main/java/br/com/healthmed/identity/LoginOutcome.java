package br.com.healthmed.identity;

import java.time.Instant;

/** What a login with the right password gives: a session, or a challenge for the second factor. */
public sealed interface LoginOutcome {

    /** No second factor is due: the session is open. */
    record LoggedIn(Session session) implements LoginOutcome {}

    /** Two-factor login is on: {@code challenge} goes to {@code completeLogin} with a code before {@code expiresAt}. */
    record SecondFactorDue(String challenge, Instant expiresAt) implements LoginOutcome {}
}
