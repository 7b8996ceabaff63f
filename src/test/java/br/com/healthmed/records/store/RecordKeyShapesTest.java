package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The records module's keys are stored in DynamoDB: these strings must never change. */
class RecordKeyShapesTest {

    private static final String ID = "f11e0000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";
    private static final String PATIENT = "9a710000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void everyShapeIsPinned() {
        assertThat(shown(RecordKeys.recordFile(ID))).isEqualTo("FILE#" + ID + " / FILE");
        assertThat(RecordKeys.record(PATIENT)).isEqualTo("RECORD#" + PATIENT);
        assertThat(shown(RecordKeys.recordGroup(PATIENT, ID))).isEqualTo("RECORD#" + PATIENT + " / GROUP#" + ID);
        assertThat(shown(RecordKeys.recordUsage(PATIENT))).isEqualTo("RECORD#" + PATIENT + " / USAGE");
        assertThat(shown(RecordKeys.grant(PATIENT, "doc", ID))).isEqualTo("RECORD#" + PATIENT + " / GRANT#doc#" + ID);
        assertThat(RecordKeys.GRANTS).isEqualTo("GRANT#");
        assertThat(RecordKeys.grantsTo("doc")).isEqualTo("GRANT#doc#");
        assertThat(RecordKeys.recordFiles(PATIENT)).isEqualTo("RECORD#" + PATIENT + "#FILES");
        assertThat(RecordKeys.sharesWith("doc")).isEqualTo("DOCTOR#doc#SHARES");
        assertThat(RecordKeys.pendingUploads("a")).isEqualTo("UPLOADS#PENDING#a");
        assertThat(RecordKeys.deletedFiles("a")).isEqualTo("FILES#DELETED#a");
        assertThat(RecordKeys.accessLog(PATIENT)).isEqualTo("RECORDLOG#" + PATIENT);
        assertThat(shown(RecordKeys.accessLogEntry(PATIENT, "p"))).isEqualTo("RECORDLOG#" + PATIENT + " / p");
        assertThat(shown(RecordKeys.recordRefusals("caller", "w"))).isEqualTo("RECORDREFUSALS#caller / w");
        assertThat(shown(ClinicalKeys.noteVersion(ID, 3))).isEqualTo("CLINICALNOTE#" + ID + " / V#0000000003");
        assertThat(ClinicalKeys.patientNotes(PATIENT)).isEqualTo("RECORD#" + PATIENT + "#NOTES");
        assertThat(ClinicalKeys.notices("a")).isEqualTo("RECORDNOTICES#a");
        assertThat(ClinicalKeys.EVENT_LOG.log(PATIENT)).isEqualTo("CLINICALEVENTS#" + PATIENT);
        assertThat(shown(ClinicalKeys.EVENT_LOG.entry(PATIENT, 42))).isEqualTo("CLINICALEVENTS#" + PATIENT + " / E#0000000000000000042");
        assertThat(shown(ClinicalKeys.EVENT_LOG.head(PATIENT))).isEqualTo("CLINICALEVENTHEAD#" + PATIENT + " / HEAD");
    }

    @Test
    void fileAndGroupIdsAreReadBackFromTheirOwnKeysOnly() {
        assertThat(RecordKeys.fileIdOf(RecordKeys.recordFile(ID).get("PK").s())).isEqualTo(ID);
        assertThat(RecordKeys.groupIdOf(RecordKeys.recordGroup(PATIENT, ID).get("SK").s())).isEqualTo(ID);
        assertThatThrownBy(() -> RecordKeys.fileIdOf("RECORD#" + PATIENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordKeys.groupIdOf("USAGE")).isInstanceOf(IllegalArgumentException.class);
    }
}
