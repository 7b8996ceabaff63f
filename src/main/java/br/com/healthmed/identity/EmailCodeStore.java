package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The e-mail codes an account is waiting on: at most one per purpose, stored as a hash
 * ({@link VerificationCodes}). Implementations must pass {@code EmailCodeStoreContract}. Expiry is
 * checked by the caller at read time; the DynamoDB adapter lets DynamoDB delete old items ({@code ttl}).
 */
public interface EmailCodeStore {

    /** What a code is for: confirming the address an account has, or the one it wants to move to. */
    @NamedInterface("api")
    enum Purpose { VERIFY_EMAIL, CHANGE_EMAIL }

    /** A code sent to {@code email}; {@code id} tells one issue from the next. */
    record PendingCode(AccountId account, Purpose purpose, String id, Email email, String codeHash, Instant issuedAt,
                       Instant expiresAt, Optional<Instant> usedAt) {
        public PendingCode {
            Objects.requireNonNull(account);
            Objects.requireNonNull(purpose);
            Objects.requireNonNull(id);
            Objects.requireNonNull(email);
            Objects.requireNonNull(codeHash);
            Objects.requireNonNull(issuedAt);
            Objects.requireNonNull(expiresAt);
            Objects.requireNonNull(usedAt);
        }

        /** Only ids: the address and the hash must not reach logs. */
        @Override
        public String toString() {
            return "PendingCode[account=" + account + ", purpose=" + purpose + ", id=" + id + "]";
        }
    }

    /** Makes {@code code} the account's pending code for its purpose; an earlier one stops working. */
    void put(PendingCode code);

    Optional<PendingCode> find(AccountId account, Purpose purpose);

    /**
     * Marks the pending code used, atomically, only while it is still the code {@code codeId} and unused:
     * true for the first caller only, false for every later one and for a code replaced meanwhile.
     */
    boolean markUsed(AccountId account, Purpose purpose, String codeId, Instant at);
}
