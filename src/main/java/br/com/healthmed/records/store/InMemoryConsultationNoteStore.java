package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordNotice;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Consultation notes in memory: the embedded default. Each write and its notice happen under the note's lock. */
class InMemoryConsultationNoteStore implements ConsultationNoteStore {

    private final Map<NoteId, ConsultationNote> notes = new ConcurrentHashMap<>();
    private final InMemoryRecordNotices notices;

    InMemoryConsultationNoteStore(InMemoryRecordNotices notices) {
        this.notices = notices;
    }

    @Override
    public boolean create(ConsultationNote note, Instant noticeDue) {
        boolean[] created = {false};
        notes.computeIfAbsent(note.id(), id -> {
            created[0] = true;
            notices.add(new RecordNotice(ClinicalRecordEvent.of(note, note.versions().get(0)), 0, noticeDue));
            return new ConsultationNote(note.id(), note.appointment(), note.patient(), note.doctor(), note.appointmentStart(),
                    note.createdAt(), List.of(note.versions().get(0)));
        });
        return created[0];
    }

    @Override
    public boolean append(ConsultationNote note, NoteVersion version, Instant noticeDue) {
        boolean[] appended = {false};
        notes.computeIfPresent(note.id(), (id, stored) -> {
            if (stored.versions().size() + 1 != version.version()) {
                return stored;
            }
            appended[0] = true;
            ConsultationNote longer = stored.with(version);
            notices.add(new RecordNotice(ClinicalRecordEvent.of(longer, version), 0, noticeDue));
            return longer;
        });
        return appended[0];
    }

    @Override
    public Optional<ConsultationNote> note(NoteId id) {
        return Optional.ofNullable(notes.get(id));
    }

    @Override
    public Page<ConsultationNote> notesOf(AccountId patient, int limit, Optional<String> after) {
        List<ConsultationNote> matching = notes.values().stream()
                .filter(note -> note.patient().equals(patient))
                .filter(note -> after.map(position -> position(note).compareTo(position) < 0).orElse(true))
                .sorted(Comparator.comparing(InMemoryConsultationNoteStore::position).reversed())
                .toList();
        List<ConsultationNote> page = matching.stream().limit(limit).toList();
        return new Page<>(page, matching.size() > limit ? Optional.of(position(page.get(page.size() - 1))) : Optional.empty());
    }

    private static String position(ConsultationNote note) {
        return TimePositions.of(note.createdAt(), note.id().value());
    }
}
