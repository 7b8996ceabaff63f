package br.com.healthmed.scheduling;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An appointment's id: carries no personal data (see {@link #forRequest}). */
@NamedInterface("api")
public record AppointmentId(UUID value) implements EntityId {

    public AppointmentId {
        Objects.requireNonNull(value);
    }

    /**
     * The id of the appointment a booking request makes: derived from the patient and the request's
     * idempotency key (SHA-256, shaped as a UUID), so a retried or duplicated request lands on the same
     * appointment at every step without any lookup.
     */
    public static AppointmentId forRequest(br.com.healthmed.identity.AccountId patientId, String idempotencyKey) {
        return new AppointmentId(br.com.healthmed.platform.IdempotencyKeys.derivedId(patientId, idempotencyKey));
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    public static AppointmentId of(String value) {
        return new AppointmentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
