package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventItemCodec;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventKind;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An appointment event as the attributes of its item in an account's log (the names items have always had). */
final class AppointmentEventItems {

    /**
     * The relay appends an appointment's events in their order, each once the earlier ones are in: an append
     * that meets an earlier one of the same appointment stops looking.
     */
    static final EventItemCodec<AppointmentEvent> CODEC = EventItemCodec.of("APPOINTMENT_EVENT", AppointmentEvent::id, AppointmentEvent::at,
            (logged, event) -> logged.appointmentId().equals(event.appointmentId()) && logged.indexInAppointment() < event.indexInAppointment(),
            AppointmentEventItems::attributes, AppointmentEventItems::event);

    private AppointmentEventItems() {}

    static Map<String, AttributeValue> attributes(AppointmentEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", s(e.id()));
        item.put("kind", s(e.kind().name()));
        item.put("appointmentId", s(e.appointmentId().toString()));
        item.put("doctorId", s(e.doctorId().toString()));
        item.put("patientId", s(e.patientId().toString()));
        item.put("status", s(e.status().name()));
        e.reason().ifPresent(r -> item.put("reason", s(r)));
        item.put("start", instant(e.start()));
        item.put("end", instant(e.end()));
        e.previousStart().ifPresent(p -> item.put("previousStart", instant(p)));
        item.put("at", instant(e.at()));
        return item;
    }

    static AppointmentEvent event(Map<String, AttributeValue> item) {
        return new AppointmentEvent(string(item, "eventId"),
                AppointmentEventKind.valueOf(string(item, "kind")),
                AppointmentId.of(string(item, "appointmentId")),
                AccountId.of(string(item, "doctorId")),
                AccountId.of(string(item, "patientId")),
                AppointmentStatus.valueOf(string(item, "status")),
                optionalString(item, "reason"),
                instant(item, "start"),
                instant(item, "end"),
                optionalInstant(item, "previousStart"),
                instant(item, "at"));
    }
}
