package br.com.healthmed.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refresh tokens, stored only as hashes, grouped in families: one family per login session, one
 * token per rotation. Implementations must pass {@code RefreshTokenStoreContract}.
 */
public interface RefreshTokenStore {

    /** A login session. Every refresh token of the family dies with it. */
    record Family(String id, AccountId account, Instant createdAt, Instant expiresAt, boolean revoked) {

        /** Neither revoked nor past its absolute expiry. */
        public boolean isOpenAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }
    }

    /**
     * One refresh token, known by the SHA-256 of its value. It expires with its family;
     * {@code usedAt} is set once it was exchanged.
     */
    record Token(String hash, String familyId, Instant issuedAt, Instant expiresAt, Optional<Instant> usedAt) {}

    void createFamily(Family family);

    Optional<Family> family(String familyId);

    /** The account's sessions, open or not, in no particular order (expired ones may be gone). */
    List<Family> familiesOf(AccountId account);

    /**
     * A session that was revoked, and when: what every instance must refuse the access tokens of
     * until they have all expired ({@link RevokedSessions}).
     */
    record Revocation(String sessionId, SessionEnded.Reason reason, Instant at) {}

    /**
     * Marks the family revoked, in one write that also files it among the revocations of its time
     * (for {@link #revokedBetween}). Idempotent: a second revocation keeps the first one's time and
     * reason. Unknown families are not created.
     */
    void revokeFamily(Revocation revocation);

    /**
     * The revocations at {@code from} or later and before {@code until}, oldest first. Eventually
     * consistent: a revocation written a moment ago may be missing (readers look back with a margin).
     * The cost is that of the revocations in the period, whatever the number of sessions.
     */
    List<Revocation> revokedBetween(Instant from, Instant until);

    void saveToken(Token token);

    Optional<Token> token(String hash);

    /**
     * Marks a token used, atomically: true for the first caller only. A second exchange of the same
     * token (a replay, or a stolen copy) gets false. A call whose write is applied but whose response is
     * lost and retried (by an SDK, say) must still get true: each call, not each write, is counted.
     */
    boolean markUsed(String hash, Instant at);
}
