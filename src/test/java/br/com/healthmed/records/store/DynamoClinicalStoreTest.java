package br.com.healthmed.records.store;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.RecordNoticeStore;
import br.com.healthmed.support.Dynalite;

/** The production adapters against dynalite, on one table. */
class DynamoClinicalStoreTest extends ClinicalStoreContract {

    private final DynamoTable table = Dynalite.newTable();
    private final ConsultationNoteStore notes = new DynamoConsultationNoteStore(table);
    private final HealthRecordStore files = new DynamoHealthRecordStore(table);
    private final RecordNoticeStore notices = new DynamoRecordNoticeStore(table);

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
