package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.DocumentKind;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.Icd10Code;
import br.com.healthmed.records.IssuedBy;
import br.com.healthmed.records.NoteContent;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.records.RecordNoticeStore;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every adapter set of the clinical record promises: {@link ConsultationNoteStore} (append-only versions,
 * one winner per version, the patient's notes newest first) and {@link RecordNoticeStore} (a note version's or
 * a completed document's notice is due from the write on, until settled).
 */
abstract class ClinicalStoreContract {

    protected abstract ConsultationNoteStore notes();

    protected abstract HealthRecordStore files();

    protected abstract RecordNoticeStore notices();

    private final AccountId patient = AccountId.random();
    private final AccountId doctor = AccountId.random();

    @Test
    void aNoteIsWrittenOnceAndAmendedVersionByVersionWithEveryVersionKept() {
        ConsultationNote note = note(AppointmentId.random(), NOW);
        assertThat(notes().create(note, NOW)).isTrue();
        assertThat(notes().create(note(note.appointment(), NOW.plusSeconds(1)), NOW)).as("a second note of the consultation").isFalse();

        NoteVersion second = version(2, "Revisado", Optional.of("Resultado do exame"), NOW.plusSeconds(60));
        assertThat(notes().append(note, second, NOW)).isTrue();
        assertThat(notes().append(note, version(2, "Outro", Optional.of("x"), NOW.plusSeconds(61)), NOW)).isFalse();

        ConsultationNote read = notes().note(note.id()).orElseThrow();
        assertThat(read).isEqualTo(note.with(second));
        assertThat(read.versions().get(0).content().diagnoses()).extracting(Icd10Code::code).containsExactly("I10", "J45.9");
        assertThat(notes().note(NoteId.of(AppointmentId.random()))).isEmpty();
    }

    @Test
    void ofManyAmendmentsOfOneVersionExactlyOneLands() throws Exception {
        ConsultationNote note = note(AppointmentId.random(), NOW);
        notes().create(note, NOW);
        List<Object> results = Concurrently.run(20, i -> () -> notes().append(note,
                version(2, "Versão " + i, Optional.of("motivo " + i), NOW.plusSeconds(i)), NOW));
        assertThat(results.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(notes().note(note.id()).orElseThrow().versions()).hasSize(2);
    }

    @Test
    void aPatientsNotesArePagedNewestFirst() {
        List<ConsultationNote> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ConsultationNote note = note(AppointmentId.random(), NOW.plusSeconds(i));
            notes().create(note, NOW);
            written.add(0, note);
        }
        notes().create(new ConsultationNote(NoteId.of(AppointmentId.random()), AppointmentId.random(), AccountId.random(), doctor,
                NOW, NOW.plusSeconds(3), List.of(version(1, "Outro paciente", Optional.empty(), NOW))), NOW);

        Page<ConsultationNote> first = notes().notesOf(patient, 2, Optional.empty());
        assertThat(first.items()).containsExactlyElementsOf(written.subList(0, 2));
        Page<ConsultationNote> second = notes().notesOf(patient, 2, first.next());
        assertThat(second.items()).containsExactlyElementsOf(written.subList(2, 4));
        Page<ConsultationNote> last = notes().notesOf(patient, 2, second.next());
        assertThat(last.items()).containsExactlyElementsOf(written.subList(4, 5));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void eachNoteVersionAndCompletedDocumentCarriesANoticeDueUntilDelivered() {
        Instant due = NOW.plusSeconds(10);
        ConsultationNote note = note(AppointmentId.random(), NOW);
        notes().create(note, due);
        NoteVersion second = version(2, "Revisado", Optional.of("motivo"), NOW.plusSeconds(1));
        notes().append(note, second, due);
        RecordFile document = RecordsFixtures.issued(patient, new IssuedBy(doctor, note.appointment(), DocumentKind.CERTIFICATE));
        files().createFile(document);
        ClinicalRecordEvent issued = ClinicalRecordEvent.of(document.completedAt(NOW.plusSeconds(2)), NOW);
        files().markAvailable(document, NOW.plusSeconds(2), Optional.of(new RecordNotice(issued, 0, due)));

        assertThat(mine(notices().due(NOW.plusSeconds(9), 100))).as("not due before its time").isEmpty();
        List<ClinicalRecordEvent> pending = mine(notices().due(due, 100)).stream().map(RecordNotice::event).toList();
        assertThat(pending).containsExactlyInAnyOrder(ClinicalRecordEvent.of(note, note.versions().get(0)),
                ClinicalRecordEvent.of(note.with(second), second), issued);

        notices().retryAt(issued, 1, due.plusSeconds(30));
        notices().delivered(ClinicalRecordEvent.of(note, note.versions().get(0)));
        assertThat(mine(notices().due(due.plusSeconds(29), 100))).extracting(notice -> notice.event().kind())
                .containsExactly(ClinicalRecordEvent.Kind.NOTE_AMENDED);
        assertThat(mine(notices().due(due.plusSeconds(30), 100))).filteredOn(notice -> notice.event().equals(issued))
                .singleElement().satisfies(notice -> assertThat(notice.attempts()).isEqualTo(1));

        notices().delivered(issued);
        notices().delivered(issued); // settled twice: nothing more happens
        assertThat(files().file(document.id()).orElseThrow().available()).as("the document stays").isTrue();
        assertThat(notes().note(note.id()).orElseThrow().versions()).as("the versions stay").hasSize(2);
    }

    /** The notices of this test's patient (other tests share the table). */
    private List<RecordNotice> mine(List<RecordNotice> due) {
        return due.stream().filter(notice -> notice.event().patient().equals(patient)).toList();
    }

    private ConsultationNote note(AppointmentId appointment, Instant createdAt) {
        return new ConsultationNote(NoteId.of(appointment), appointment, patient, doctor, NOW.minus(Duration.ofMinutes(30)), createdAt,
                List.of(version(1, "Dor torácica", Optional.empty(), createdAt)));
    }

    private NoteVersion version(int number, String reason, Optional<String> amendReason, Instant at) {
        return new NoteVersion(number, new NoteContent(reason, Optional.of("Há 2 semanas."), Optional.empty(), "Hipertensão",
                List.of(new Icd10Code("I10", "Hipertensão essencial (primária)"), new Icd10Code("J45.9", "Asma")), Optional.of("Retorno")),
                amendReason, doctor, "Dra. Ana Lima", "123456/SP", at);
    }
}
