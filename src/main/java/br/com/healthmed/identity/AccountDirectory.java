package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Read access to accounts, as {@link AccountSummary} (no credentials), for other modules and the API (batched for DataLoaders). */
@Service
@NamedInterface("api")
public class AccountDirectory {

    private final AccountStore accounts;

    AccountDirectory(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Optional<AccountSummary> find(AccountId id) {
        return accounts.find(id).map(Account::summary);
    }

    /** The accounts found among {@code ids} (unknown ones are left out). */
    public Map<AccountId, AccountSummary> findAll(Collection<AccountId> ids) {
        Map<AccountId, AccountSummary> found = new HashMap<>();
        accounts.findAll(ids).forEach((id, account) -> found.put(id, account.summary()));
        return found;
    }

    /**
     * Whether the account is a patient who verified the e-mail address (booking and sharing record files
     * need it). False for an unknown account.
     */
    public boolean isVerifiedPatient(AccountId id) {
        return accounts.find(id).filter(account -> account instanceof PatientAccount patient && patient.emailVerified()).isPresent();
    }

    /** Refuses with {@code EMAIL_NOT_VERIFIED} unless {@link #isVerifiedPatient}: one answer for every gate. */
    public void requireVerifiedPatient(AccountId id) {
        if (!isVerifiedPatient(id)) {
            throw new DomainException(IdentityErrors.EMAIL_NOT_VERIFIED,
                    "Verify your e-mail address first: use the code we sent you, or ask for a new one.");
        }
    }
}
