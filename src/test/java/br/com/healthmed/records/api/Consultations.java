package br.com.healthmed.records.api;

import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consultations for the clinical-record tests, booked and confirmed through the API. */
final class Consultations {

    private Consultations() {}

    /** A consultation confirmed by the doctor an hour ahead, with the clock moved 5 minutes past its start. */
    static String inProgress(MutableClock clock, RecordClient patient, RecordClient doctor) {
        Instant start = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String appointment = confirmed(patient, doctor, start);
        clock.advance(Duration.between(clock.instant(), start.plus(Duration.ofMinutes(5))));
        return appointment;
    }

    static String confirmed(RecordClient patient, RecordClient doctor, Instant start) {
        String slot = doctor.document("clinical", "publishSlots")
                .variable("slots", List.of(Map.of("start", start.truncatedTo(ChronoUnit.SECONDS).toString())))
                .execute().path("publishSlots[0].id").entity(String.class).get();
        String appointment = patient.document("clinical", "bookAppointment").variable("slotId", slot)
                .variable("idempotencyKey", UUID.randomUUID().toString()).execute().path("bookAppointment.appointment.id").entity(String.class).get();
        doctor.document("clinical", "acceptAppointment").variable("id", appointment).execute()
                .path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        return appointment;
    }

    /** Requests a document upload for the consultation and PUTs its bytes; the ticket (not completed yet). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> uploadDocument(RecordClient doctor, String appointment, String fileName, byte[] pdf, String kind) {
        Map<String, Object> ticket = doctor.document("clinical", "requestDocumentUpload").variable("appointmentId", appointment)
                .variable("input", Map.of("fileName", fileName, "contentType", "application/pdf", "sizeBytes", pdf.length, "kind", kind))
                .execute().path("requestDocumentUpload").entity(Map.class).get();
        int status = RecordClient.put(ticket, pdf).statusCode();
        if (status != 200) {
            throw new AssertionError("PUT answered " + status);
        }
        return ticket;
    }
}
