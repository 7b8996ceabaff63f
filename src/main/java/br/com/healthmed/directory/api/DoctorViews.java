package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.specialty.SpecialtyCatalog;
import graphql.schema.DataFetcher;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import reactor.core.publisher.Mono;

/**
 * The DataLoader of doctors' profiles: every {@code Doctor} of a response (in appointments, shares, search
 * results) gets its profile fields from one batched read, and a query that already read a profile hands it
 * over instead of reading it again. The profile fields of {@code Doctor} that are the same for every caller
 * are read from that view here (the contact fields, which depend on the caller, are in
 * {@link DoctorProfileController}).
 */
@Configuration(proxyBeanMethods = false)
class DoctorViews {

    DoctorViews(BatchLoaderRegistry registry, DoctorProfileService profiles) {
        registry.forTypePair(AccountId.class, DoctorView.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> profiles.findAll(ids)));
    }

    @Bean
    RuntimeWiringConfigurer doctorProfileFields(SpecialtyCatalog specialties) {
        Map<String, Function<DoctorView, @Nullable Object>> fields = Map.ofEntries(
                // the profile's specialties, those search finds the doctor under (they start as the registration's)
                Map.entry("specialties", view -> view.specialtyCodes().stream().map(specialties::byCode).flatMap(Optional::stream).toList()),
                Map.entry("consultationPrice", view -> view.consultationPrice().orElse(null)),
                Map.entry("bio", view -> view.bio().orElse(null)),
                Map.entry("languages", DoctorView::languages),
                Map.entry("officeAddress", view -> view.officeAddress().orElse(null)),
                Map.entry("officeLocation", view -> view.officeLocation().orElse(null)),
                Map.entry("timeZone", DoctorView::timeZone),
                Map.entry("consultationDurationMinutes", DoctorView::consultationDurationMinutes),
                Map.entry("rating", DoctorView::rating),
                Map.entry("showEmail", DoctorView::showEmail),
                Map.entry("showPhone", DoctorView::showPhone));
        return wiring -> wiring.type("Doctor", type -> {
            fields.forEach((name, field) -> type.dataFetcher(name, fromView(field)));
            return type;
        });
    }

    /** A field of the Doctor being fetched, read from its profile through the response's loader. */
    static DataFetcher<?> fromView(Function<DoctorView, @Nullable Object> field) {
        return env -> {
            DataLoader<AccountId, DoctorView> views = env.getDataLoader(DoctorView.class.getName());
            DoctorSummary doctor = env.getSource();
            return views.load(doctor.id()).thenApply(view -> view == null ? null : field.apply(view));
        };
    }

    /**
     * The doctor of this id, as {@code doctor(id:)} and {@code node(id:)} both look it up: one profile read,
     * primed into {@code views} so the profile fields that follow read nothing more.
     */
    static Optional<DoctorSummary> find(DoctorProfileService profiles, DataLoader<AccountId, DoctorView> views, AccountId id) {
        return profiles.find(id).map(view -> primed(views, view));
    }

    /** The doctor of {@code view}, its profile already in {@code views} for the fields that follow. */
    static DoctorSummary primed(DataLoader<AccountId, DoctorView> views, DoctorView view) {
        views.prime(view.id(), view);
        return view.account();
    }
}
