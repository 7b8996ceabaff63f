package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.Objects;
import java.util.Optional;

/** What the directory stores of a doctor: the profile once edited, and the rating totals. */
public record DirectoryEntry(AccountId doctorId, Optional<DoctorProfile> profile, Rating rating) {

    public DirectoryEntry {
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(rating);
    }
}
