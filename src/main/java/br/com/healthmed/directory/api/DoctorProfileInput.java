package br.com.healthmed.directory.api;

import br.com.healthmed.directory.ProfileUpdate;
import java.math.BigDecimal;
import java.util.List;

/** {@code DoctorProfileInput} as the client sent it; the rules are checked by the service. */
record DoctorProfileInput(
        List<String> specialties,
        BigDecimal consultationPrice,
        String bio,
        List<String> languages,
        String officeAddress,
        GeoPointInput officeLocation,
        String timeZone,
        Integer consultationDurationMinutes,
        String email,
        Boolean showEmail,
        String phone,
        Boolean showPhone) {

    record GeoPointInput(Double latitude, Double longitude) {}

    ProfileUpdate toUpdate() {
        return new ProfileUpdate(specialties, consultationPrice, bio, languages, officeAddress,
                officeLocation == null ? null : officeLocation.latitude(),
                officeLocation == null ? null : officeLocation.longitude(),
                timeZone, consultationDurationMinutes, email, showEmail, phone, showPhone);
    }
}
