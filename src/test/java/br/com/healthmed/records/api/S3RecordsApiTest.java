package br.com.healthmed.records.api;

import br.com.healthmed.support.GlobalIds;

import static br.com.healthmed.records.api.RecordClient.code;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.records.FileId;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.InProcessS3;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The records API with {@code healthmed.blob-store=s3} against s3proxy (in-process, checking
 * signatures): clients go through exactly the same presigned-URL flow as with the embedded store.
 * GuardDuty Malware Protection is stood in for by tagging each uploaded object clean right after its
 * PUT ({@link InProcessS3#scanOnUpload}); the malware gate's own test tags objects itself.
 */
class S3RecordsApiTest extends RecordsApiContract {

    private static final String BUCKET = "healthmed-records-api";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("healthmed.blob-store", () -> "s3");
        registry.add("healthmed.s3.bucket", () -> InProcessS3.bucket(BUCKET));
        registry.add("healthmed.s3.kms-key-id", () -> "alias/healthmed-records");
        registry.add("healthmed.s3.endpoint", () -> InProcessS3.endpoint().toString());
    }

    @BeforeEach
    void guardDutyScansEveryUpload() {
        InProcessS3.scanOnUpload(BUCKET, Optional.of("NO_THREATS_FOUND"));
    }

    @Test
    void aFileIsServedAndSharedOnlyOnceGuardDutyTaggedItCleanAndAMaliciousOneNever() {
        InProcessS3.scanOnUpload(BUCKET, Optional.empty()); // GuardDuty has not got to the uploads yet
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        String group = patient.createGroup("cardiologia");
        Map<String, Object> exam = patient.upload("exame.pdf", "application/pdf", Samples.pdf(2_000), List.of(group));
        String examId = (String) exam.get("id");
        assertThat(exam).containsEntry("scanStatus", "PENDING_SCAN");

        GraphQlTester.Response pending = patient.download(examId);
        pending.errors().satisfy(errors -> {
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "PENDING_SCAN");
            assertThat(((Number) errors.get(0).getExtensions().get("retryAfterSeconds")).longValue()).isPositive();
        });
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "fileIds", List.of(examId), "durationHours", 1)).execute())).isEqualTo("PENDING_SCAN");
        patient.share(Map.of("doctorId", doctor.id, "groupIds", List.of(group), "durationHours", 24)); // groups: accepted
        assertThat(code(doctor.download(examId))).isEqualTo("PENDING_SCAN");

        guardDuty(examId, "NO_THREATS_FOUND");
        assertThat(RecordClient.get(patient.downloadUrl(examId)).statusCode()).isEqualTo(200);
        assertThat(RecordClient.get(doctor.downloadUrl(examId)).statusCode()).isEqualTo(200);
        patient.share(Map.of("doctorId", doctor.id, "fileIds", List.of(examId), "durationHours", 1));
        // A clean verdict is final and kept: the tag is not read again (were it gone, the file still opens).
        InProcessS3.removeTags(BUCKET, objectOf(examId));
        assertThat(RecordClient.get(patient.downloadUrl(examId)).statusCode()).isEqualTo(200);

        // A file of the shared group found malicious is never served, to its owner or under the share.
        String invoice = (String) patient.upload("fatura.pdf", "application/pdf", Samples.pdf(2_000), List.of(group)).get("id");
        guardDuty(invoice, "THREATS_FOUND");
        assertThat(code(patient.download(invoice))).isEqualTo("MALWARE_DETECTED");
        assertThat(code(doctor.download(invoice))).isEqualTo("MALWARE_DETECTED");
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "fileIds", List.of(invoice), "durationHours", 1)).execute())).isEqualTo("MALWARE_DETECTED");
        guardDuty(invoice, "NO_THREATS_FOUND"); // a verdict of malware is final too
        assertThat(code(patient.download(invoice))).isEqualTo("MALWARE_DETECTED");

        // What GuardDuty could not scan is not served either, and says why.
        String archive = (String) patient.upload("protegido.pdf", "application/pdf", Samples.pdf(2_000), List.of()).get("id");
        guardDuty(archive, "UNSUPPORTED");
        patient.download(archive).errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "FILE_NOT_SCANNED").containsEntry("scanStatus", "NOT_SCANNABLE"));
        guardDuty(archive, "FAILED");
        patient.download(archive).errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "FILE_NOT_SCANNED").containsEntry("scanStatus", "SCAN_FAILED"));

        // The owner sees each file's status.
        assertThat(patient.document("myRecord").execute().path("myRecord.files.edges[*].node.scanStatus")
                .entityList(String.class).get()).containsExactlyInAnyOrder("SCAN_FAILED", "MALWARE_DETECTED", "CLEAN");
    }

    @Test
    void aDocumentADoctorIssuesPassesTheSameMalwareGateBeforeAnyoneOpensIt() {
        InProcessS3.scanOnUpload(BUCKET, Optional.empty());
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        String appointment = Consultations.inProgress((br.com.healthmed.support.MutableClock) clock, patient, doctor);
        String document = (String) Consultations.uploadDocument(doctor, appointment, "receita.pdf", Samples.pdf(2_000), "PRESCRIPTION")
                .get("fileId");
        doctor.complete(document).path("completeFileUpload.scanStatus").entity(String.class).isEqualTo("PENDING_SCAN");

        assertThat(code(patient.download(document))).isEqualTo("PENDING_SCAN");
        assertThat(code(doctor.download(document))).isEqualTo("PENDING_SCAN");
        guardDuty(document, "NO_THREATS_FOUND");
        assertThat(RecordClient.get(patient.downloadUrl(document)).statusCode()).isEqualTo(200);

        Map<String, Object> infected = Consultations.uploadDocument(doctor, appointment, "laudo.pdf", Samples.pdf(2_000), "REPORT");
        doctor.complete((String) infected.get("fileId"));
        guardDuty((String) infected.get("fileId"), "THREATS_FOUND");
        assertThat(code(patient.download((String) infected.get("fileId")))).isEqualTo("MALWARE_DETECTED");
    }

    private void guardDuty(String fileId, String result) {
        InProcessS3.tagAsGuardDuty(BUCKET, objectOf(fileId), result);
    }

    private String objectOf(String fileId) {
        return "records/" + records.file(FileId.of(GlobalIds.key(fileId))).orElseThrow().objectKey().value();
    }
}
