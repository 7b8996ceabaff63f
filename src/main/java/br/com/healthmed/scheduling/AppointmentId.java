package br.com.healthmed.scheduling;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;

/** An appointment's id: carries no personal data (see {@link #forRequest}). */
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
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (patientId + "\n" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(digest);
            long high = (bytes.getLong() & ~0xF000L) | 0x8000L;              // version 8 (custom)
            long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
            return new AppointmentId(new UUID(high, low));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
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
