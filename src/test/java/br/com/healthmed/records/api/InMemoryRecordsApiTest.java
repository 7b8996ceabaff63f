package br.com.healthmed.records.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records API on the embedded adapters: in-memory metadata, the local blob store and its URLs. */
class InMemoryRecordsApiTest extends RecordsApiContract {

    /** The deprecated list keeps its documented bound of 100 when first is omitted or null, not the connection's 20. */
    @Test
    void sharedWithMeListsUpTo100PatientsWhenFirstIsOmittedOrNull() {
        RecordClient doctor = RecordClient.doctor(br.com.healthmed.support.Api.at(port));
        for (int i = 0; i < 21; i++) {
            RecordClient sharing = RecordClient.patient(br.com.healthmed.support.Api.at(port));
            sharing.share(Map.of("doctorId", doctor.id, "groupIds", List.of(sharing.createGroup("exames")), "durationHours", 48));
        }

        doctor.document("shares", "sharedWithMeFirst").execute().path("sharedWithMe").entityList(Object.class).hasSize(21);
        doctor.document("shares", "sharedWithMeFirst").variable("first", null).execute().path("sharedWithMe")
                .entityList(Object.class).hasSize(21);
    }

    @Test
    void theEmbeddedStoreHasNoMalwareScannerSoFilesAreCleanOnceCompleted() {
        patient.complete((String) patient.upload("exame.pdf", "application/pdf", Samples.pdf(1_000), List.of()).get("id"))
                .path("completeFileUpload.scanStatus").entity(String.class).isEqualTo("CLEAN");
    }

    @Test
    void theEmbeddedStoreRefusesTamperedAndExpiredUrlsAndBytesOfAnotherTypeOrLength() {
        byte[] bytes = Samples.png(5_000);
        Map<String, Object> ticket = patient.requestUpload("raio-x.png", "image/png", bytes.length, List.of());
        String url = (String) ticket.get("uploadUrl");

        assertThat(RecordClient.put(url.replace("length=5000", "length=5001"), "image/png", Samples.png(5_001)).statusCode()).isEqualTo(403);
        assertThat(RecordClient.put(url.replace("type=image%2Fpng", "type=image%2Fjpeg"), "image/jpeg", bytes).statusCode()).isEqualTo(403);
        assertThat(RecordClient.put(url, "image/jpeg", bytes).statusCode()).isEqualTo(400);
        assertThat(RecordClient.put(url, "image/png", Samples.png(4_999)).statusCode()).isEqualTo(400);
        assertThat(RecordClient.put(url + "x", "image/png", bytes).statusCode()).isEqualTo(403);
        assertThat(RecordClient.put(ticket, bytes).statusCode()).isEqualTo(200);
        assertThat(RecordClient.put(ticket, bytes).statusCode()).as("write once").isEqualTo(409);
        String fileId = (String) ticket.get("fileId");
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);

        String download = patient.downloadUrl(fileId);
        assertThat(RecordClient.get(download.replace("signature=", "signature=A")).statusCode()).isEqualTo(403);
        assertThat(RecordClient.get(download.replace("filename", "filenamx")).statusCode()).isEqualTo(403);
        assertThat(RecordClient.put(download, "image/png", bytes).statusCode()).as("a download URL cannot upload").isEqualTo(403);
        assertThat(RecordClient.get(download).statusCode()).isEqualTo(200);
        advance(Duration.ofSeconds(60));
        assertThat(RecordClient.get(download).statusCode()).as("expired").isEqualTo(403);

        Map<String, Object> late = patient.requestUpload("late.png", "image/png", bytes.length, List.of());
        advance(Duration.ofMinutes(15));
        assertThat(RecordClient.put(late, bytes).statusCode()).as("expired upload URL").isEqualTo(403);
    }

    /** The clinical record, in this class's Spring context. */
    @org.junit.jupiter.api.Nested
    class ClinicalRecord extends ClinicalRecordApiContract {}
}
