package br.com.healthmed.records.api;

import br.com.healthmed.support.GlobalIds;

import static br.com.healthmed.records.api.RecordClient.code;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.records.FileId;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.StaleSweeps;
import br.com.healthmed.support.Concurrently;
import br.com.healthmed.support.Api;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every records mutation is safe to retry: each test sends a mutation, "loses" its answer (ignores it, as a
 * client whose connection dropped would), sends it again and checks that the outcome is the same and that
 * nothing was applied twice (quota counted once, one share, one access-log entry). Then the reconcilers: a
 * request cut between two steps ({@link CrashingStore}) is finished by its retry or by the sweep. Run once per
 * storage adapter.
 */
abstract class RetrySafetyApiContract extends RecordsApiHarness {

    @Autowired
    ApplicationContext context;

    private static final String UPLOAD = """
            mutation($input: RequestFileUploadInput!) {
              requestFileUpload(input: $input) { fileId uploadUrl uploadMethod uploadHeaders { name value } expiresAt }
            }""";
    private static final String CREATE_GROUP = """
            mutation($name: String!, $key: String) { createRecordGroup(name: $name, idempotencyKey: $key) { id name createdAt } }""";
    private static final String DELETE_GROUP = "mutation($id: ID!) { deleteRecordGroup(groupId: $id) }";
    private static final String DELETE_FILE = "mutation($id: ID!) { deleteFile(fileId: $id) }";
    private static final String SHARE = """
            mutation($input: ShareRecordInput!) { shareRecord(input: $input) { id createdAt expiresAt revokedAt active } }""";
    private static final String REVOKE = "mutation($id: ID!) { revokeShare(shareId: $id) { id revokedAt active } }";

    @AfterEach
    void everyArmedCrashHappened() {
        boolean pending = CrashingStore.pending();
        CrashingStore.disarm();
        assertThat(pending).as("a crash the test armed did not happen").isFalse();
    }

    // --- retries: same outcome, applied once ---------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aRetriedUploadRequestAnswersTheSameFileAndHoldsItsBytesOnce() {
        byte[] bytes = Samples.pdf(1_000);
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = uploadInput("exame.pdf", bytes.length, key);

        Map<String, Object> first = upload(patient, input).path("requestFileUpload").entity(Map.class).get();
        advance(Duration.ofMinutes(1));
        Map<String, Object> again = upload(patient, input).path("requestFileUpload").entity(Map.class).get();

        assertThat(again.get("fileId")).isEqualTo(first.get("fileId"));
        assertThat(again.get("expiresAt")).as("the same intent, not a new one").isEqualTo(first.get("expiresAt"));
        assertUsage(0, bytes.length);
        assertThat(code(upload(patient, uploadInput("outro.pdf", bytes.length, key)))).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(code(upload(patient, uploadInput("exame.pdf", bytes.length, "short")))).isEqualTo("BAD_USER_INPUT");
        RecordClient other = RecordClient.patient(Api.at(port));
        assertThat(upload(other, input).path("requestFileUpload.fileId").entity(String.class).get())
                .as("another patient's key makes another file").isNotEqualTo(first.get("fileId"));

        assertThat(RecordClient.put(again, bytes).statusCode()).isEqualTo(200);
        String fileId = (String) first.get("fileId");
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        assertUsage(bytes.length, 0);
        GraphQlTester.Response afterCompletion = upload(patient, input);
        assertThat(code(afterCompletion)).as("no new PUT URL for a completed file").isEqualTo("UPLOAD_ALREADY_COMPLETED");
        afterCompletion.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("fileId", fileId));
        assertUsage(bytes.length, 0);

        advance(Duration.ofMinutes(15));
        assertThat(code(upload(patient, input))).as("completed, and its URL expired").isEqualTo("UPLOAD_ALREADY_COMPLETED");
        assertUsage(bytes.length, 0);
    }

    @Test
    void aKeyedUploadRequestSentAgainAfterItsFileWasDeletedHoldsNothing() {
        byte[] bytes = Samples.pdf(1_000);
        Map<String, Object> input = uploadInput("exame.pdf", bytes.length, UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = upload(patient, input).path("requestFileUpload").entity(Map.class).get();
        RecordClient.put(ticket, bytes);
        String fileId = (String) ticket.get("fileId");
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        deleteFile(patient, fileId).path("deleteFile").entity(Boolean.class).isEqualTo(true);

        assertThat(code(upload(patient, input))).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertUsage(0, 0);
        advance(Duration.ofMinutes(61));
        sweeper.sweep();
        assertUsage(0, 0);
        assertThat(code(upload(patient, input))).as("its tombstone forgotten").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        sweeper.sweep();
        assertUsage(0, 0);
        assertThat(records.file(FileId.of(GlobalIds.key(fileId)))).isEmpty();
    }

    @Test
    void aRetriedGroupCreationAnswersTheSameGroupAndARetriedDeletionTrue() {
        String key = UUID.randomUUID().toString();
        String id = createGroup(patient, "cardiologia", key).path("createRecordGroup.id").entity(String.class).get();
        createGroup(patient, "cardiologia", key).path("createRecordGroup.id").entity(String.class).isEqualTo(id);
        patient.document("myRecord").execute().path("myRecord.groups[*].id").entityList(String.class).containsExactly(id);
        assertThat(code(createGroup(patient, "neurologia", key))).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        RecordClient other = RecordClient.patient(Api.at(port));
        assertThat(code(deleteGroup(other, id))).as("someone else's group").isEqualTo("NOT_FOUND");
        deleteGroup(patient, id).path("deleteRecordGroup").entity(Boolean.class).isEqualTo(true);
        deleteGroup(patient, id).path("deleteRecordGroup").entity(Boolean.class).isEqualTo(true);
        assertThat(code(deleteGroup(other, id))).as("still someone else's").isEqualTo("NOT_FOUND");
        assertThat(code(deleteGroup(patient, UUID.randomUUID().toString()))).isEqualTo("NOT_FOUND");
        patient.document("myRecord").execute().path("myRecord.groups").entityList(Object.class).hasSize(0);
        assertThat(code(createGroup(patient, "cardiologia", key))).as("a deleted group is not made again")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");

        advance(Duration.ofMinutes(61));
        assertThat(code(deleteGroup(patient, id))).as("after the retry window").isEqualTo("NOT_FOUND");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetriedShareAnswersTheSameShareLoggedOnceAndARetriedRevocationTheSameRevocation() {
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("doctorId", doctor.id, "allFiles", true, "durationHours", 24,
                "note", "Para a consulta", "idempotencyKey", key);

        Map<String, Object> first = share(patient, input).path("shareRecord").entity(Map.class).get();
        advance(Duration.ofMinutes(1));
        Map<String, Object> again = share(patient, input).path("shareRecord").entity(Map.class).get();

        assertThat(again).isEqualTo(first);
        patient.document("shares", "myShares").execute().path("myShares[*].id").entityList(String.class)
                .containsExactly((String) first.get("id"));
        Map<String, Object> longer = new HashMap<>(input);
        longer.put("durationHours", 48);
        assertThat(code(share(patient, longer))).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Map<String, Object> toAnother = new HashMap<>(input);
        toAnother.put("doctorId", RecordClient.doctor(Api.at(port)).id);
        assertThat(code(share(patient, toAnother))).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String shareId = (String) first.get("id");
        Map<String, Object> revoked = revoke(patient, shareId).path("revokeShare").entity(Map.class).get();
        advance(Duration.ofMinutes(1));
        assertThat(revoke(patient, shareId).path("revokeShare").entity(Map.class).get()).isEqualTo(revoked);
        assertThat(revoked).containsEntry("active", false);
        assertThat(code(revoke(RecordClient.patient(Api.at(port)), shareId))).isEqualTo("NOT_FOUND");
        assertThat(share(patient, input).path("shareRecord").entity(Map.class).get())
                .as("a retry after the revocation answers the share as it is now")
                .containsEntry("id", shareId).containsEntry("active", false);

        assertThat(accessLogActions()).as("one entry each").containsExactly("REVOKE", "SHARE");
    }

    @Test
    void aRetriedDeletionAnswersTrueAndGivesTheBytesBackOnce() {
        String kept = (String) patient.upload("kept.pdf", "application/pdf", Samples.pdf(2_000), List.of()).get("id");
        String deleted = (String) patient.upload("deleted.pdf", "application/pdf", Samples.pdf(3_000), List.of()).get("id");
        ObjectKey object = records.file(FileId.of(GlobalIds.key(deleted))).orElseThrow().objectKey();

        deleteFile(patient, deleted).path("deleteFile").entity(Boolean.class).isEqualTo(true);
        deleteFile(patient, deleted).path("deleteFile").entity(Boolean.class).isEqualTo(true);

        assertUsage(2_000, 0);
        assertThat(blobs.head(object)).isEmpty();
        RecordClient other = RecordClient.patient(Api.at(port));
        assertThat(code(deleteFile(other, deleted))).as("someone else's file").isEqualTo("NOT_FOUND");
        assertThat(code(deleteFile(other, kept))).isEqualTo("NOT_FOUND");
        assertThat(code(deleteFile(patient, UUID.randomUUID().toString()))).isEqualTo("NOT_FOUND");
        patient.document("myRecord").execute().path("myRecord.files.edges[*].node.id").entityList(String.class).containsExactly(kept);

        advance(Duration.ofMinutes(61));
        sweeper.sweep();
        assertThat(code(deleteFile(patient, deleted))).as("after the retry window").isEqualTo("NOT_FOUND");
        assertThat(records.deletedFile(FileId.of(GlobalIds.key(deleted)))).isEmpty();
        assertUsage(2_000, 0);
    }

    @Test
    void twoSweepsAtOnceAndAStaleTombstoneReplayedAfterTheForgetGiveTheBytesBackOnce() throws Exception {
        patient.upload("kept.pdf", "application/pdf", Samples.pdf(2_000), List.of());
        String deleted = (String) patient.upload("deleted.pdf", "application/pdf", Samples.pdf(3_000), List.of()).get("id");
        deleteFile(patient, deleted).path("deleteFile").entity(Boolean.class).isEqualTo(true);
        assertUsage(2_000, 0);
        advance(Duration.ofMinutes(61));
        RecordFile stale = records.deletedFile(FileId.of(GlobalIds.key(deleted))).orElseThrow(); // as another instance read it

        assertThat(Concurrently.run(2, i -> () -> sweeper.sweep())).doesNotHaveAnyElementsOfTypes(Throwable.class);
        assertUsage(2_000, 0);
        StaleSweeps.sweep(context, stale);
        records.releaseDeletedBytes(stale); // a sweep that re-read the tombstone just before the forget
        assertUsage(2_000, 0);
        assertThat(records.deletedFile(FileId.of(GlobalIds.key(deleted)))).isEmpty();
    }

    // --- half-done steps, healed ---------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aCompletionCutBeforeItsHoldWasSettledIsHealedByTheSweepAndOneCutBeforeItWasStoredByItsRetry() {
        byte[] bytes = Samples.pdf(4_000);
        String fileId = putNotCompleted(bytes);

        CrashingStore.at("settleUpload");
        assertThat(code(patient.complete(fileId))).isEqualTo("STORAGE_UNAVAILABLE");
        // half-done: the file is listed, but its bytes still count as an upload in progress
        patient.document("myRecord").execute().path("myRecord.files.edges[*].node.id").entityList(String.class).containsExactly(fileId);
        assertUsage(0, bytes.length);

        advance(Duration.ofMinutes(15));
        sweeper.sweep();
        assertUsage(bytes.length, 0);
        sweeper.sweep();
        assertUsage(bytes.length, 0);
        assertThat(records.usage(br.com.healthmed.identity.AccountId.of(GlobalIds.key(patient.id))).holds()).isEmpty();

        // Cut before the completion was stored: nothing is counted as used, and the retry completes it once.
        byte[] other = Samples.pdf(5_000);
        Map<String, Object> second = patient.requestUpload("laudo.pdf", "application/pdf", other.length, List.of());
        RecordClient.put(second, other);
        CrashingStore.at("markAvailable");
        assertThat(code(patient.complete((String) second.get("fileId")))).isEqualTo("STORAGE_UNAVAILABLE");
        assertUsage(bytes.length, other.length);
        patient.complete((String) second.get("fileId")).path("completeFileUpload.id").entity(String.class).isEqualTo((String) second.get("fileId"));
        assertUsage(bytes.length + other.length, 0);
    }

    @Test
    void aCompletionStoredThenCutAndNeverRetriedIsLoggedOnceBySweep() {
        byte[] bytes = Samples.pdf(3_000);
        String fileId = putNotCompleted(bytes);
        CrashingStore.after("markAvailable"); // stored, its answer lost, and the client never asks again
        assertThat(code(patient.complete(fileId))).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(accessLogActions()).as("the request stopped before logging").isEmpty();

        advance(Duration.ofMinutes(15));
        sweeper.sweep();
        sweeper.sweep();
        assertThat(accessLogActions()).as("logged by the sweep, once").containsExactly("UPLOAD");
        assertUsage(bytes.length, 0);
        // a late retry after all adds nothing
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        assertThat(accessLogActions()).containsExactly("UPLOAD");
    }

    @Test
    void aDeletionCutBeforeItsBytesAndObjectWentIsFinishedByItsRetryOrByTheSweep() {
        String retried = (String) patient.upload("a.pdf", "application/pdf", Samples.pdf(2_000), List.of()).get("id");
        String abandoned = (String) patient.upload("b.pdf", "application/pdf", Samples.pdf(3_000), List.of()).get("id");
        ObjectKey retriedObject = records.file(FileId.of(GlobalIds.key(retried))).orElseThrow().objectKey();
        ObjectKey abandonedObject = records.file(FileId.of(GlobalIds.key(abandoned))).orElseThrow().objectKey();

        CrashingStore.at("releaseDeletedBytes");
        assertThat(code(deleteFile(patient, retried))).isEqualTo("STORAGE_UNAVAILABLE");
        CrashingStore.at("releaseDeletedBytes");
        assertThat(code(deleteFile(patient, abandoned))).isEqualTo("STORAGE_UNAVAILABLE");
        // half-done: neither is listed, but both still count and both objects are still stored
        patient.document("myRecord").execute().path("myRecord.files.edges").entityList(Object.class).hasSize(0);
        assertUsage(5_000, 0);
        assertThat(blobs.head(retriedObject)).isPresent();
        assertThat(blobs.head(abandonedObject)).isPresent();

        deleteFile(patient, retried).path("deleteFile").entity(Boolean.class).isEqualTo(true);
        assertUsage(3_000, 0);
        assertThat(blobs.head(retriedObject)).isEmpty();

        sweeper.sweep();
        assertThat(blobs.head(abandonedObject)).as("not before the retry window: a retry may still come").isPresent();
        advance(Duration.ofMinutes(61));
        sweeper.sweep();
        assertUsage(0, 0);
        assertThat(blobs.head(abandonedObject)).isEmpty();
        assertThat(records.deletedFile(FileId.of(GlobalIds.key(abandoned)))).isEmpty();
        assertThat(records.deletedFile(FileId.of(GlobalIds.key(retried)))).isEmpty();
        sweeper.sweep();
        assertUsage(0, 0);
    }

    @Test
    void aShareARevocationAndACompletionWhoseAnswersWereLostAfterTheyWereStoredAreLoggedByTheirRetriesOnce() {
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        Map<String, Object> input = Map.of("doctorId", doctor.id, "allFiles", true, "durationHours", 24,
                "idempotencyKey", UUID.randomUUID().toString());
        CrashingStore.after("create");
        assertThat(code(share(patient, input))).isEqualTo("STORAGE_UNAVAILABLE");
        String shareId = share(patient, input).path("shareRecord.id").entity(String.class).get();
        share(patient, input).path("shareRecord.id").entity(String.class).isEqualTo(shareId);

        advance(Duration.ofSeconds(1));
        CrashingStore.after("revoke");
        assertThat(code(revoke(patient, shareId))).isEqualTo("STORAGE_UNAVAILABLE");
        revoke(patient, shareId).path("revokeShare.active").entity(Boolean.class).isEqualTo(false);

        advance(Duration.ofSeconds(1));
        byte[] bytes = Samples.pdf(1_000);
        String fileId = putNotCompleted(bytes);
        CrashingStore.after("markAvailable");
        assertThat(code(patient.complete(fileId))).isEqualTo("STORAGE_UNAVAILABLE");
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);

        assertThat(accessLogActions()).as("each once, though its first attempt stopped before logging it")
                .containsExactly("UPLOAD", "REVOKE", "SHARE");
        assertUsage(bytes.length, 0);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** An upload of {@code bytes} whose bytes were PUT but which was not completed yet; its file id. */
    private String putNotCompleted(byte[] bytes) {
        Map<String, Object> ticket = patient.requestUpload("exame.pdf", "application/pdf", bytes.length, List.of());
        RecordClient.put(ticket, bytes);
        return (String) ticket.get("fileId");
    }

    private static Map<String, Object> uploadInput(String fileName, int size, String key) {
        return Map.of("fileName", fileName, "contentType", "application/pdf", "sizeBytes", size, "category", "EXAM",
                "idempotencyKey", key);
    }

    private static GraphQlTester.Response upload(RecordClient client, Map<String, Object> input) {
        return client.api.tester().document(UPLOAD).variable("input", input).execute();
    }

    private static GraphQlTester.Response createGroup(RecordClient client, String name, String key) {
        return client.api.tester().document(CREATE_GROUP).variable("name", name).variable("key", key).execute();
    }

    private static GraphQlTester.Response deleteGroup(RecordClient client, String id) {
        return client.api.tester().document(DELETE_GROUP).variable("id", id).execute();
    }

    private static GraphQlTester.Response deleteFile(RecordClient client, String id) {
        return client.api.tester().document(DELETE_FILE).variable("id", id).execute();
    }

    private static GraphQlTester.Response share(RecordClient client, Map<String, Object> input) {
        return client.api.tester().document(SHARE).variable("input", input).execute();
    }

    private static GraphQlTester.Response revoke(RecordClient client, String id) {
        return client.api.tester().document(REVOKE).variable("id", id).execute();
    }

    private List<String> accessLogActions() {
        return patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node.action").entityList(String.class).get();
    }
}
