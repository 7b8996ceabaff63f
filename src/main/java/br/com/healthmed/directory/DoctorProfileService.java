package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.error.DomainException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Doctors' public profiles: a doctor edits their own; anyone reads them. */
@Service
@NamedInterface("api")
public class DoctorProfileService {

    private final DirectoryStore store;
    private final AccountDirectory accounts;
    private final ProfileRules rules;
    private final Geocoder geocoder;

    DoctorProfileService(DirectoryStore store, AccountDirectory accounts, ProfileRules rules, Geocoder geocoder) {
        this.store = store;
        this.accounts = accounts;
        this.rules = rules;
        this.geocoder = geocoder;
    }

    /**
     * Replaces the doctor's profile (the controller's role gate made sure the caller is one). Without coordinates, the office address
     * is geocoded when a geocoder is configured; otherwise the doctor is not found by distance.
     */
    public DoctorView update(AccountId doctorId, ProfileUpdate input) {
        DoctorSummary account = doctor(doctorId)
                .orElseThrow(() -> DomainException.notFound("Doctor"));
        DoctorProfile profile = rules.validate(account.id(), input);
        if (profile.officeLocation().isEmpty() && profile.officeAddress().isPresent() && geocoder.available()) {
            GeoPoint located = geocoder.locate(profile.officeAddress().get())
                    .orElseThrow(() -> DomainException.invalid(DirectoryErrors.ADDRESS_NOT_FOUND, "input.officeAddress",
                            "No place in Brazil matches this address; check it or give the coordinates."));
            profile = withLocation(profile, located);
        }
        store.save(profile);
        return DoctorView.of(account, store.find(account.id()));
    }

    public Optional<DoctorView> find(AccountId id) {
        return doctor(id).map(account -> DoctorView.of(account, store.find(id)));
    }

    /** The profiles of those ids that are doctors', in two batched reads. */
    public Map<AccountId, DoctorView> findAll(Collection<AccountId> ids) {
        Map<AccountId, DirectoryEntry> entries = store.findAll(ids);
        Map<AccountId, DoctorView> views = new HashMap<>();
        accounts.findAll(ids).forEach((id, account) -> {
            if (account instanceof DoctorSummary doctor) {
                views.put(id, DoctorView.of(doctor, Optional.ofNullable(entries.get(id))));
            }
        });
        return views;
    }

    private Optional<DoctorSummary> doctor(AccountId id) {
        Optional<AccountSummary> account = accounts.find(id);
        return account.filter(DoctorSummary.class::isInstance).map(DoctorSummary.class::cast);
    }

    private static DoctorProfile withLocation(DoctorProfile p, GeoPoint location) {
        return new DoctorProfile(p.doctorId(), p.specialties(), p.consultationPrice(), p.bio(), p.languages(),
                p.officeAddress(), Optional.of(location), p.timeZone(), p.consultationDuration(), p.email(),
                p.showEmail(), p.phone(), p.showPhone());
    }
}
