package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.specialty.Specialty;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code doctor}, {@code updateDoctorProfile} and the fields of {@code DoctorProfile} that need work. */
@Controller
class DoctorProfileController {

    private final DoctorProfileService profiles;
    private final SpecialtyCatalog specialties;

    DoctorProfileController(DoctorProfileService profiles, SpecialtyCatalog specialties) {
        this.profiles = profiles;
        this.specialties = specialties;
    }

    @QueryMapping
    DoctorView doctor(@Argument UUID id) {
        return profiles.find(new AccountId(id)).orElseThrow(() -> DomainException.notFound("Doctor"));
    }

    @MutationMapping
    DoctorView updateDoctorProfile(@Argument DoctorProfileInput input, @AuthenticationPrincipal Caller caller) {
        return profiles.update(AccountId.of(RoleGate.doctor(caller)), input.toUpdate());
    }

    @BatchMapping(typeName = "Doctor", field = "profile")
    Map<DoctorSummary, DoctorView> profile(List<DoctorSummary> doctors) {
        Map<AccountId, DoctorView> views = profiles.findAll(doctors.stream().map(DoctorSummary::id).toList());
        return doctors.stream().distinct().collect(Collectors.toMap(Function.identity(), doctor -> views.get(doctor.id())));
    }

    /** The catalogue is in memory: no loading, so no batching needed. */
    @SchemaMapping(typeName = "DoctorProfile", field = "specialties")
    List<Specialty> specialties(DoctorView doctor) {
        return doctor.specialtyCodes().stream().map(specialties::byCode).flatMap(Optional::stream).toList();
    }

    @SchemaMapping(typeName = "DoctorProfile", field = "email")
    @Nullable String email(DoctorView doctor, @AuthenticationPrincipal Caller caller) {
        return doctor.email(isTheDoctor(doctor, caller)).orElse(null);
    }

    @SchemaMapping(typeName = "DoctorProfile", field = "phone")
    @Nullable String phone(DoctorView doctor, @AuthenticationPrincipal Caller caller) {
        return doctor.phone(isTheDoctor(doctor, caller)).orElse(null);
    }

    private static boolean isTheDoctor(DoctorView doctor, Caller caller) {
        return caller != null && caller.accountId().equals(doctor.id().toString());
    }
}
