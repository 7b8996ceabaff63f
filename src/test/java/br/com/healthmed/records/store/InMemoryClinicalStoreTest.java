package br.com.healthmed.records.store;

import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.RecordNoticeStore;

/** The embedded adapters, sharing one outbox as the application wires them. */
class InMemoryClinicalStoreTest extends ClinicalStoreContract {

    private final InMemoryRecordNotices notices = new InMemoryRecordNotices();
    private final ConsultationNoteStore notes = new InMemoryConsultationNoteStore(notices);
    private final HealthRecordStore files = new InMemoryHealthRecordStore(notices);

    @Override
    protected ConsultationNoteStore notes() {
        return notes;
    }

    @Override
    protected HealthRecordStore files() {
        return files;
    }

    @Override
    protected RecordNoticeStore notices() {
        return notices;
    }
}
