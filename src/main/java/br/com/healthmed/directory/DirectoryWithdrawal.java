package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * A doctor leaving the directory and coming back (an account deactivated, then reactivated or
 * anonymised): out of every search at once, the profile kept until it is erased.
 */
@Service
@NamedInterface("api")
public class DirectoryWithdrawal {

    private final DirectoryStore store;

    DirectoryWithdrawal(DirectoryStore store) {
        this.store = store;
    }

    /** No search finds the doctor from now on; the profile stays as it is. Idempotent. */
    public void withdraw(AccountId doctorId) {
        store.setListed(doctorId, false);
    }

    /** The doctor is found by searches again, under the profile as saved. Idempotent. */
    public void restore(AccountId doctorId) {
        store.setListed(doctorId, true);
    }

    /**
     * Erases what the doctor published beyond what identifies them (bio, office, contacts, price, languages):
     * the profile becomes the one of a doctor who never edited it, still out of every search. Idempotent.
     */
    public void erase(AccountId doctorId) {
        store.setListed(doctorId, false);
        Optional<DoctorProfile> profile = store.find(doctorId).flatMap(DirectoryEntry::profile);
        profile.ifPresent(p -> store.save(DoctorProfile.initial(doctorId, p.specialties())));
    }

    /** The doctor's profile as stored, if they ever saved one (for a copy of their data). */
    public Optional<DoctorProfile> profileOf(AccountId doctorId) {
        return store.find(doctorId).flatMap(DirectoryEntry::profile);
    }
}
