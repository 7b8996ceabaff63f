package br.com.healthmed.identity;

import org.springframework.modulith.NamedInterface;

/** A logged-in owner confirms a sensitive step of another module with the password (e.g. deactivating the account). */
@NamedInterface("api")
public interface PasswordProof {

    /**
     * Returns if {@code password} is the account's; {@code INVALID_CREDENTIALS} if not, counted against the
     * account's login like a failed login (so it cannot be used to guess passwords faster).
     */
    void confirmPassword(AccountId id, String password, String clientAddress);
}
