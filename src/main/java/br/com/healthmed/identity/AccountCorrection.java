package br.com.healthmed.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A correction of an account's data, already validated: each part present is changed, the rest kept.
 * {@code removePhone} drops the phone number. A birth date is corrected only with a reason, which is
 * kept with the account ({@link BirthDateCorrection}).
 */
public record AccountCorrection(Optional<String> name, Optional<Phone> phone, boolean removePhone,
                                Optional<BirthDateCorrection> birthDate) {

    public AccountCorrection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(birthDate);
        if (removePhone && phone.isPresent()) {
            throw new IllegalArgumentException("a phone is either set or removed");
        }
    }

    public boolean isEmpty() {
        return name.isEmpty() && phone.isEmpty() && !removePhone && birthDate.isEmpty();
    }

    /** A patient's birth date corrected: from what, to what, why, when. Kept as long as the account. */
    public record BirthDateCorrection(LocalDate previous, LocalDate corrected, String reason, Instant at) {
        public BirthDateCorrection {
            Objects.requireNonNull(previous);
            Objects.requireNonNull(corrected);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(at);
        }
    }
}
