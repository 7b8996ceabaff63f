package br.com.healthmed.directory.api;

import br.com.healthmed.directory.ProfileUpdate;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code DoctorProfileInput} as the client sent it; the rules are checked by the service. */
record DoctorProfileInput(
        @Nullable List<String> specialties,
        @Nullable BigDecimal consultationPrice,
        @Nullable String bio,
        @Nullable List<String> languages,
        @Nullable String officeAddress,
        @Nullable GeoPointInput officeLocation,
        @Nullable String timeZone,
        @Nullable Integer consultationDurationMinutes,
        @Nullable String email,
        @Nullable Boolean showEmail,
        @Nullable String phone,
        @Nullable Boolean showPhone) {

    record GeoPointInput(Double latitude, Double longitude) {}

    ProfileUpdate toUpdate() {
        return new ProfileUpdate(specialties, consultationPrice, bio, languages, officeAddress,
                officeLocation == null ? null : officeLocation.latitude(),
                officeLocation == null ? null : officeLocation.longitude(),
                timeZone, consultationDurationMinutes, email, showEmail, phone, showPhone);
    }
}
