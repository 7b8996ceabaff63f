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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code doctor}, {@code updateDoctorProfile}, the contact fields of {@code Doctor} (which depend on the
 * caller) and the deprecated {@code DoctorProfile}, which is the {@link DoctorView} itself. A doctor is one
 * object (identity's {@link DoctorSummary}); its other profile fields are wired in {@link DoctorViews}.
 */
@Controller
class DoctorProfileController {

    private final DoctorProfileService profiles;
    private final SpecialtyCatalog specialties;

    DoctorProfileController(DoctorProfileService profiles, SpecialtyCatalog specialties) {
        this.profiles = profiles;
        this.specialties = specialties;
    }

    @QueryMapping
    DoctorSummary doctor(@Argument UUID id, DataLoader<AccountId, DoctorView> views) {
        return DoctorViews.find(profiles, views, new AccountId(id)).orElseThrow(() -> DomainException.notFound("Doctor"));
    }

    @MutationMapping
    DoctorSummary updateDoctorProfile(@Argument DoctorProfileInput input, @AuthenticationPrincipal Caller caller,
                                      DataLoader<AccountId, DoctorView> views) {
        return DoctorViews.primed(views, profiles.update(AccountId.of(RoleGate.doctor(caller)), input.toUpdate()));
    }

    @SchemaMapping(typeName = "Doctor", field = "profile")
    CompletableFuture<DoctorView> profile(DoctorSummary doctor, DataLoader<AccountId, DoctorView> views) {
        return views.load(doctor.id());
    }

    @SchemaMapping(typeName = "Doctor", field = "contactEmail")
    CompletableFuture<@Nullable String> contactEmail(DoctorSummary doctor, DataLoader<AccountId, DoctorView> views,
                                                     @AuthenticationPrincipal Caller caller) {
        return of(doctor, views, view -> email(view, caller));
    }

    @SchemaMapping(typeName = "Doctor", field = "contactPhone")
    CompletableFuture<@Nullable String> contactPhone(DoctorSummary doctor, DataLoader<AccountId, DoctorView> views,
                                                     @AuthenticationPrincipal Caller caller) {
        return of(doctor, views, view -> phone(view, caller));
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

    private static <T> CompletableFuture<@Nullable T> of(DoctorSummary doctor, DataLoader<AccountId, DoctorView> views,
                                                         Function<DoctorView, @Nullable T> field) {
        return views.load(doctor.id()).thenApply(view -> view == null ? null : field.apply(view));
    }

    private static boolean isTheDoctor(DoctorView doctor, Caller caller) {
        return caller != null && caller.accountId().equals(doctor.id().toString());
    }
}
