package br.com.healthmed.identity;

import java.time.Instant;
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

    /** Marks the family revoked; idempotent. */
    void revokeFamily(String familyId);

    void saveToken(Token token);

    Optional<Token> token(String hash);

    /**
     * Marks a token used, atomically: true for the first caller only. A second exchange of the same
     * token (a replay, or a stolen copy) gets false. A call whose write is applied but whose response is
     * lost and retried (by an SDK, say) must still get true: each call, not each write, is counted.
     */
    boolean markUsed(String hash, Instant at);
}
