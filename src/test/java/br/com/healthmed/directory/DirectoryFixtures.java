package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Profiles for directory tests. */
public final class DirectoryFixtures {

    private DirectoryFixtures() {}

    public static DoctorProfile profile(AccountId id, List<String> specialties, Optional<GeoPoint> office, Optional<BigDecimal> price) {
        return new DoctorProfile(id, specialties, price, Optional.empty(), List.of(), Optional.empty(), office,
                PracticeTerms.DEFAULT_TIME_ZONE, PracticeTerms.DEFAULT_CONSULTATION_DURATION,
                Optional.empty(), false, Optional.empty(), false);
    }

    public static DoctorProfile at(AccountId id, double latitude, double longitude, String... specialties) {
        return profile(id, List.of(specialties), Optional.of(new GeoPoint(latitude, longitude)), Optional.of(new BigDecimal("200.00")));
    }
}
