package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A doctor's public profile: the account's name and CRM with the directory's profile and rating.
 * Never the password hash; e-mail and phone only through {@link #email(boolean)} / {@link #phone(boolean)}.
 * {@code account} is the GraphQL {@code Doctor} it belongs to: the API shows one object per doctor.
 */
@NamedInterface("api")
public record DoctorView(AccountId id, String name, String crm, DoctorProfile profile, Rating rating, DoctorSummary account) {

    static DoctorView of(DoctorSummary account, Optional<DirectoryEntry> entry) {
        DoctorProfile profile = entry.flatMap(DirectoryEntry::profile)
                .orElseGet(() -> DoctorProfile.initial(account.id(), account.specialties()));
        return new DoctorView(account.id(), account.name(), account.crm().value(), profile,
                entry.map(DirectoryEntry::rating).orElse(Rating.NONE), account);
    }

    public List<String> specialtyCodes() {
        return profile.specialties();
    }

    public Optional<BigDecimal> consultationPrice() {
        return profile.consultationPrice();
    }

    public Optional<String> bio() {
        return profile.bio();
    }

    public List<String> languages() {
        return profile.languages();
    }

    public Optional<String> officeAddress() {
        return profile.officeAddress();
    }

    public Optional<GeoPoint> officeLocation() {
        return profile.officeLocation();
    }

    public String timeZone() {
        return profile.timeZone().getId();
    }

    public long consultationDurationMinutes() {
        return profile.consultationDuration().toMinutes();
    }

    public boolean showEmail() {
        return profile.showEmail();
    }

    public boolean showPhone() {
        return profile.showPhone();
    }

    /** The e-mail if the doctor shows it, or always to {@code theDoctor} themself. */
    public Optional<String> email(boolean theDoctor) {
        return theDoctor || profile.showEmail() ? profile.email() : Optional.empty();
    }

    public Optional<String> phone(boolean theDoctor) {
        return theDoctor || profile.showPhone() ? profile.phone() : Optional.empty();
    }
}
