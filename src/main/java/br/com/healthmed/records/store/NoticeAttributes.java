package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.records.store.DynamoQueries.n;
import static br.com.healthmed.records.store.DynamoQueries.number;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventItemCodec;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A notice as attributes of the item that carries it (a note version or an issued document's file
 * item). While it is pending, the item is in the sparse GSI2 partition {@code RECORDNOTICES#<hex>} with
 * {@code GSI2SK = <next attempt>#<subject>}, so what is due is one key-condition query per shard.
 */
final class NoticeAttributes {

    static final int SHARDS = 16;

    private NoticeAttributes() {}

    static void put(Map<String, AttributeValue> item, RecordNotice notice) {
        ClinicalRecordEvent event = notice.event();
        putEvent(item, event);
        item.put("noticeAttempts", n(notice.attempts()));
        item.put(Keys.GSI2PK, s(partition(event)));
        item.put(Keys.GSI2SK, s(sortKey(event, notice.nextAttempt())));
    }

    /** The event's own attributes: on the item that carries its notice, and on its entry in the patient's event log. */
    static void putEvent(Map<String, AttributeValue> item, ClinicalRecordEvent event) {
        item.put("noticeId", s(event.id()));
        item.put("noticeKind", s(event.kind().name()));
        item.put("noticePatient", s(event.patient().toString()));
        item.put("noticeDoctor", s(event.doctor().toString()));
        item.put("noticeAppointment", s(event.appointment().toString()));
        item.put("noticeStart", instant(event.appointmentStart()));
        item.put("noticeSubject", s(event.subject().toString()));
        item.put("noticeVersion", n(event.version()));
        item.put("noticeAt", instant(event.at()));
    }

    /**
     * A clinical-record event as the attributes of its entry in the patient's log: the same as on its notice. No
     * event is appended before another: the notices of a note's versions are relayed each on its own, in any order.
     */
    static final EventItemCodec<ClinicalRecordEvent> LOG_ITEMS = EventItemCodec.of("CLINICAL_RECORD_EVENT", ClinicalRecordEvent::id,
            ClinicalRecordEvent::at, event -> {
                Map<String, AttributeValue> item = new java.util.HashMap<>();
                putEvent(item, event);
                return item;
            }, NoticeAttributes::event);

    static ClinicalRecordEvent event(Map<String, AttributeValue> item) {
        return new ClinicalRecordEvent(string(item, "noticeId"),
                ClinicalRecordEvent.Kind.valueOf(string(item, "noticeKind")), AccountId.of(string(item, "noticePatient")),
                AccountId.of(string(item, "noticeDoctor")), AppointmentId.of(string(item, "noticeAppointment")),
                instant(item, "noticeStart"), UUID.fromString(string(item, "noticeSubject")), (int) number(item, "noticeVersion"),
                instant(item, "noticeAt"));
    }

    static RecordNotice from(Map<String, AttributeValue> item) {
        ClinicalRecordEvent event = event(item);
        String sortKey = string(item, Keys.GSI2SK);
        return new RecordNotice(event, (int) number(item, "noticeAttempts"),
                Instant.parse(sortKey.substring(0, sortKey.indexOf('#'))));
    }

    static String partition(ClinicalRecordEvent event) {
        return ClinicalKeys.notices(event.subject().toString().substring(0, 1));
    }

    static String sortKey(ClinicalRecordEvent event, Instant nextAttempt) {
        return TimePositions.of(nextAttempt, event.subject());
    }

    /** The item that carries the notice of {@code event}. */
    static Map<String, AttributeValue> itemKey(ClinicalRecordEvent event) {
        return event.kind() == ClinicalRecordEvent.Kind.DOCUMENT_ISSUED ? RecordKeys.recordFile(event.subject().toString())
                : ClinicalKeys.noteVersion(event.subject().toString(), event.version());
    }
}
