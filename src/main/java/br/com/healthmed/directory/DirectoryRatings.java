package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** {@link DoctorRatings} for scheduling: one atomic addition per rated consultation. */
@Service
class DirectoryRatings implements DoctorRatings {

    private final DirectoryStore store;

    DirectoryRatings(DirectoryStore store) {
        this.store = store;
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        Objects.requireNonNull(doctorId);
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("A rating has 1 to 5 stars, not " + stars);
        }
        store.addRating(doctorId, stars);
    }
}
