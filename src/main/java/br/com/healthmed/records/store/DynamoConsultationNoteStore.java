package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.records.store.DynamoQueries.n;
import static br.com.healthmed.records.store.DynamoQueries.number;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.Icd10Code;
import br.com.healthmed.records.NoteContent;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Notes in DynamoDB: one item per version, {@code CLINICALNOTE#<note>} / {@code V#<version>}, each put
 * only where none is ({@code attribute_not_exists(PK)}): that put is the write's commit point, and it
 * carries the version's notice (see {@link NoticeAttributes}). Every version repeats the note's header
 * (appointment, patient, doctor, consultation start, creation instant); version 1 alone carries
 * {@code GSI1PK = RECORD#<patient>#NOTES}, {@code GSI1SK = <created at>#<note>}, the patient's notes newest
 * first. Reading a note is one consistent query of its partition.
 */
class DynamoConsultationNoteStore implements ConsultationNoteStore {

    private final DynamoTable table;

    DynamoConsultationNoteStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean create(ConsultationNote note, Instant noticeDue) {
        Map<String, AttributeValue> item = item(note, note.versions().get(0), noticeDue);
        item.put(Keys.GSI1PK, s(ClinicalKeys.patientNotes(note.patient().toString())));
        item.put(Keys.GSI1SK, s(TimePositions.of(note.createdAt(), note.id().value())));
        return table.putIfAbsent(item);
    }

    @Override
    public boolean append(ConsultationNote note, NoteVersion version, Instant noticeDue) {
        if (version.version() < 2) {
            throw new IllegalArgumentException("version 1 is the note itself: create it");
        }
        return table.putIfAbsent(item(note, version, noticeDue));
    }

    @Override
    public Optional<ConsultationNote> note(NoteId id) {
        List<Map<String, AttributeValue>> items = DynamoQueries.all(table, b -> b.consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :versions)")
                .expressionAttributeValues(Map.of(":pk", s(ClinicalKeys.note(id.toString())), ":versions", s(ClinicalKeys.VERSION_PREFIX))));
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> first = items.get(0);
        return Optional.of(new ConsultationNote(id, AppointmentId.of(string(first, "appointment")), AccountId.of(string(first, "patient")),
                AccountId.of(string(first, "doctor")), instant(first, "appointmentStart"), instant(first, "createdAt"),
                items.stream().map(DynamoConsultationNoteStore::toVersion).toList()));
    }

    @Override
    public Page<ConsultationNote> notesOf(AccountId patient, int limit, Optional<String> after) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(ClinicalKeys.patientNotes(patient.toString())));
        after.ifPresent(position -> values.put(":after", s(position)));
        String condition = after.isPresent() ? "GSI1PK = :pk AND GSI1SK < :after" : "GSI1PK = :pk";
        List<Map<String, AttributeValue>> found = DynamoQueries.items(table, b -> b.indexName(Keys.GSI1)
                .keyConditionExpression(condition).scanIndexForward(false).limit(limit + 1)
                .expressionAttributeValues(values), limit + 1);
        List<ConsultationNote> page = new ArrayList<>();
        for (Map<String, AttributeValue> head : found.subList(0, Math.min(limit, found.size()))) {
            // The index may lag; the note itself is read consistently, every version of it.
            note(NoteId.of(string(head, Keys.PK).substring(ClinicalKeys.NOTE_PREFIX.length()))).ifPresent(page::add);
        }
        return new Page<>(page, found.size() > limit
                ? Optional.of(string(found.get(limit - 1), Keys.GSI1SK)) : Optional.empty());
    }

    private static Map<String, AttributeValue> item(ConsultationNote note, NoteVersion version, Instant noticeDue) {
        Map<String, AttributeValue> item = new HashMap<>(ClinicalKeys.noteVersion(note.id().toString(), version.version()));
        item.put("type", s("CONSULTATION_NOTE"));
        item.put("appointment", s(note.appointment().toString()));
        item.put("patient", s(note.patient().toString()));
        item.put("doctor", s(note.doctor().toString()));
        item.put("appointmentStart", instant(note.appointmentStart()));
        item.put("createdAt", instant(note.createdAt()));
        item.put("version", n(version.version()));
        NoteContent content = version.content();
        item.put("reason", s(content.reason()));
        content.history().ifPresent(text -> item.put("history", s(text)));
        content.findings().ifPresent(text -> item.put("findings", s(text)));
        item.put("assessment", s(content.assessment()));
        if (!content.diagnoses().isEmpty()) {
            // a list (not a set): the doctor's order is kept, the first being the main diagnosis
            item.put("icd10", AttributeValue.fromL(content.diagnoses().stream()
                    .map(code -> AttributeValue.fromM(Map.of("code", s(code.code()), "description", s(code.description())))).toList()));
        }
        content.plan().ifPresent(text -> item.put("plan", s(text)));
        version.amendReason().ifPresent(reason -> item.put("amendReason", s(reason)));
        item.put("author", s(version.author().toString()));
        item.put("authorName", s(version.authorName()));
        item.put("authorCrm", s(version.authorCrm()));
        item.put("at", instant(version.at()));
        NoticeAttributes.put(item, new RecordNotice(ClinicalRecordEvent.of(note, version), 0, noticeDue));
        return item;
    }

    private static NoteVersion toVersion(Map<String, AttributeValue> item) {
        List<Icd10Code> codes = item.containsKey("icd10") ? item.get("icd10").l().stream()
                .map(code -> new Icd10Code(code.m().get("code").s(), code.m().get("description").s())).toList() : List.of();
        return new NoteVersion((int) number(item, "version"),
                new NoteContent(string(item, "reason"), optionalString(item, "history"), optionalString(item, "findings"),
                        string(item, "assessment"), codes, optionalString(item, "plan")),
                optionalString(item, "amendReason"), AccountId.of(string(item, "author")), string(item, "authorName"),
                string(item, "authorCrm"), instant(item, "at"));
    }
}
