package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.util.Objects;

/** Who issued a document into a patient's record, for which consultation, and what it is. */
public record IssuedBy(AccountId doctor, AppointmentId appointment, DocumentKind kind) {

    public IssuedBy {
        Objects.requireNonNull(doctor);
        Objects.requireNonNull(appointment);
        Objects.requireNonNull(kind);
    }
}
