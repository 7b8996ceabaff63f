package br.com.healthmed.records.store;

import br.com.healthmed.platform.events.log.EventItemCodec;
import br.com.healthmed.records.ClinicalRecordEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A clinical-record event as the attributes of its entry in the patient's log: the same as on the item
 * that carries its notice ({@link NoticeAttributes#putEvent}). No event is appended before another: the
 * notices of a note's versions are relayed each on its own, in any order.
 */
final class ClinicalEventItems implements EventItemCodec<ClinicalRecordEvent> {

    @Override
    public String id(ClinicalRecordEvent event) {
        return event.id();
    }

    @Override
    public Instant happenedAt(ClinicalRecordEvent event) {
        return event.at();
    }

    @Override
    public String itemType() {
        return "CLINICAL_RECORD_EVENT";
    }

    @Override
    public Map<String, AttributeValue> attributes(ClinicalRecordEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        NoticeAttributes.putEvent(item, event);
        return item;
    }

    @Override
    public ClinicalRecordEvent event(Map<String, AttributeValue> item) {
        return NoticeAttributes.event(item);
    }
}
