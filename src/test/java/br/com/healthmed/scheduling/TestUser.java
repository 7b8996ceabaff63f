package br.com.healthmed.scheduling;

import br.com.healthmed.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered, logged-in doctor or patient of a running instance, with their client. */
public record TestUser(String id, String name, String accessToken, Api api) {

    public static TestUser doctor(Api anonymous) {
        return from(anonymous.registerDoctor(Api.newDoctor()), anonymous);
    }

    /** A new patient who has accepted the teleconsultation consent, as booking needs. */
    public static TestUser patient(Api anonymous) {
        return from(anonymous.registerPatient(Api.newPatient()), anonymous);
    }

    @SuppressWarnings("unchecked")
    private static TestUser from(Map<String, Object> session, Api anonymous) {
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        String token = (String) session.get("accessToken");
        return new TestUser((String) account.get("id"), (String) account.get("name"), token, anonymous.as(token));
    }

    /** Publishes one slot starting at {@code start} (the doctor's consultation length); returns its id. */
    @SuppressWarnings("unchecked")
    public String publish(Instant start) {
        List<Map<String, Object>> slots = api.document("publishSlots").variable("slots", List.of(Map.of("start", start.toString())))
                .execute().path("publishSlots").entity(List.class).get();
        return (String) slots.get(0).get("id");
    }

    /** Books a slot (as a patient); returns the appointment's fields. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> book(String slotId, String idempotencyKey) {
        return api.tester().documentName("bookAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS).variable("slotId", slotId)
                .variable("idempotencyKey", idempotencyKey).execute().path("bookAppointment.appointment").entity(Map.class).get();
    }
}
