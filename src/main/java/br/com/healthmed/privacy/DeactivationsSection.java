package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code deactivations}: the subject's "Inativação" records, oldest first (empty for an account never deactivated). */
@Component
@Order(60)
class DeactivationsSection implements PersonalDataSection {

    private final DeactivationStore store;

    DeactivationsSection(DeactivationStore store) {
        this.store = store;
    }

    @Override
    public String key() {
        return "deactivations";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        return Optional.of(store.recordsOf(subject.account()).stream()
                .map(r -> object("requestId", r.requestId(), "step", r.step(), "at", r.at(), "reason", r.reason(),
                        "clientAddress", r.clientAddress(), "outcome", new java.util.TreeMap<>(r.outcome())))
                .toList());
    }
}
