package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * The DataLoader of doctors' profiles: every {@code Doctor} of a response (in appointments, shares, search
 * results) gets its profile fields from one batched read, and a query that already read a profile hands it
 * over instead of reading it again.
 */
@Configuration(proxyBeanMethods = false)
class DoctorViews {

    DoctorViews(BatchLoaderRegistry registry, DoctorProfileService profiles) {
        registry.forTypePair(AccountId.class, DoctorView.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> profiles.findAll(ids)));
    }

    /** The doctor of {@code view}, its profile already in {@code views} for the fields that follow. */
    static DoctorSummary primed(DataLoader<AccountId, DoctorView> views, DoctorView view) {
        views.prime(view.id(), view);
        return view.account();
    }
}
