package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * What a doctor publishes in the directory, already validated. {@code email} and {@code phone} are
 * shown to others only when {@code showEmail} / {@code showPhone}; the doctor always sees them.
 */
@NamedInterface("api")
public record DoctorProfile(
        AccountId doctorId,
        List<String> specialties,
        Optional<BigDecimal> consultationPrice,
        Optional<String> bio,
        List<String> languages,
        Optional<String> officeAddress,
        Optional<GeoPoint> officeLocation,
        ZoneId timeZone,
        Duration consultationDuration,
        Optional<String> email,
        boolean showEmail,
        Optional<String> phone,
        boolean showPhone) {

    public DoctorProfile {
        Objects.requireNonNull(doctorId);
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(consultationPrice);
        Objects.requireNonNull(bio);
        languages = List.copyOf(languages);
        Objects.requireNonNull(officeAddress);
        Objects.requireNonNull(officeLocation);
        Objects.requireNonNull(timeZone);
        Objects.requireNonNull(consultationDuration);
        Objects.requireNonNull(email);
        Objects.requireNonNull(phone);
    }

    /** The profile of a doctor who never edited it: registration specialties, defaults elsewhere. */
    public static DoctorProfile initial(AccountId doctorId, List<String> specialties) {
        return new DoctorProfile(doctorId, specialties, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), PracticeTerms.DEFAULT_TIME_ZONE, PracticeTerms.DEFAULT_CONSULTATION_DURATION,
                Optional.empty(), false, Optional.empty(), false);
    }

    public PracticeTerms terms() {
        return new PracticeTerms(doctorId, consultationPrice, timeZone, consultationDuration);
    }

    /**
     * The index keys the search finds this doctor under: each specialty and {@link Listing#ANY_SPECIALTY};
     * none without an office location.
     */
    public List<String> listedUnder() {
        if (officeLocation.isEmpty()) {
            return List.of();
        }
        return java.util.stream.Stream.concat(specialties.stream(), java.util.stream.Stream.of(Listing.ANY_SPECIALTY)).toList();
    }
}
