package br.com.healthmed.records.api;

import br.com.healthmed.support.GlobalIds;

import static br.com.healthmed.records.api.RecordClient.code;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.UploadHold;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.Concurrently;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The health record through the API, as a patient's and a doctor's front-ends use it, with real bytes
 * through the embedded blob store's presigned URLs. The service's clock is moved by the test; access
 * tokens live a day here so that moving it hours ahead tests shares, not logins. Run once per storage
 * adapter.
 */
abstract class RecordsApiContract extends RecordsApiHarness {

    // --- a doctor's shared records, a page at a time ------------------------------------------------

    /**
     * Seven patients share with one doctor, one of them revoked since and one expired: pages of three list the
     * five live ones exactly once, in a stable order, and each page reads only its own patients (the per-patient
     * reads of the store counted through the proxy every store is behind here), however many share.
     */
    @Test
    @SuppressWarnings("unchecked")
    void sharedRecordsArePagedByPatientEachPageReadingOnlyItsOwnAndEndedSharesAreNotThere() {
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        RecordClient otherDoctor = RecordClient.doctor(Api.at(port));
        List<String> live = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RecordClient sharing = RecordClient.patient(Api.at(port));
            String group = sharing.createGroup("exames");
            String share = (String) sharing.share(Map.of("doctorId", doctor.id, "groupIds", List.of(group),
                    "durationHours", i == 6 ? 1 : 48)).get("id");
            if (i == 5) {
                sharing.document("shares", "revokeShare").variable("shareId", share).execute().path("revokeShare.active")
                        .entity(Boolean.class).isEqualTo(false);
            } else if (i != 6) {
                live.add(sharing.id);
            }
        }
        advance(Duration.ofMinutes(61)); // the one-hour share has ended

        List<String> listed = new java.util.ArrayList<>();
        String after = null;
        List<Boolean> hasNext = new java.util.ArrayList<>();
        do {
            CrashingStore.resetCalls();
            GraphQlTester.Response page = doctor.document("shares", "sharedRecords").variable("first", 3).variable("after", after).execute();
            List<String> ids = page.path("sharedRecords.edges[*].node.patient.id").entityList(String.class).get();
            assertThat(ids).hasSizeLessThanOrEqualTo(3);
            assertThat(CrashingStore.calls("grantsBetween")).as("grants read for a page of %s", ids).isLessThanOrEqualTo(ids.size() + 1);
            assertThat(CrashingStore.calls("allAvailableFiles")).as("file lists read for a page of %s", ids).isLessThanOrEqualTo(ids.size());
            listed.addAll(ids);
            hasNext.add(page.path("sharedRecords.pageInfo.hasNextPage").entity(Boolean.class).get());
            after = page.path("sharedRecords.pageInfo.endCursor").entity(String.class).get();
        } while (hasNext.get(hasNext.size() - 1) && hasNext.size() < 5);

        // in the order of the patients' keys: opaque ids have no order of their own
        assertThat(listed).containsExactlyElementsOf(live.stream().sorted(java.util.Comparator.comparing(GlobalIds::key)).toList());
        assertThat(hasNext).containsExactly(true, false);
        // the list field of before: the same patients, bounded by first
        assertThat(doctor.document("shares", "sharedWithMeFirst").execute().path("sharedWithMe[*].patient.id")
                .entityList(String.class).get()).containsExactlyElementsOf(listed);
        assertThat(doctor.document("shares", "sharedWithMeFirst").variable("first", 2).execute().path("sharedWithMe[*].patient.id")
                .entityList(String.class).get()).containsExactlyElementsOf(listed.subList(0, 2));
        // nobody else's, and not for a patient (a role gate: WRONG_ROLE); a cursor not from this list is refused
        otherDoctor.document("shares", "sharedRecords").execute().path("sharedRecords.edges").entityList(Object.class).hasSize(0);
        assertThat(code(patient.document("shares", "sharedRecords").execute())).isEqualTo("WRONG_ROLE");
        assertThat(code(doctor.document("shares", "sharedRecords").variable("after", "bm90LWEtY3Vyc29y").execute()))
                .isEqualTo("BAD_USER_INPUT");
    }

    // --- the journey of the issue -----------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aGroupSharedForAnHourThenExpiredThenASharedFileRevokedAndTheLogTellsItAll() {
        RecordClient doctorA = RecordClient.doctor(Api.at(port));
        RecordClient doctorB = RecordClient.doctor(Api.at(port));
        String cardiologia = patient.createGroup("cardiologia");
        byte[] exam = Samples.pdf(300_000);
        String fileId = (String) patient.upload("exame.pdf", "application/pdf", exam, List.of(cardiologia)).get("id");

        String groupShare = (String) patient.share(Map.of("doctorId", doctorA.id, "groupIds", List.of(cardiologia),
                "durationHours", 1, "note", "Para a consulta de terça")).get("id");

        doctorA.document("shares", "sharedWithMe").execute()
                .path("sharedWithMe[0].patient.name").entity(String.class).isEqualTo(patient.name)
                .path("sharedWithMe[0].files[*].id").entityList(String.class).containsExactly(fileId)
                // the patient's own groups are not the doctor's to see: null (not "in no group")
                .path("sharedWithMe[0].files[0].groups").valueIsNull()
                .path("sharedWithMe[0].shares[0].groupNames").entityList(String.class).containsExactly("cardiologia");
        HttpResponse<byte[]> downloaded = RecordClient.get(doctorA.downloadUrl(fileId));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(Samples.sha256(downloaded.body())).isEqualTo(Samples.sha256(exam));
        assertThat(downloaded.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"exame.pdf\"; filename*=UTF-8''exame.pdf");
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));

        assertThat(code(doctorB.download(fileId))).isEqualTo("NOT_FOUND");

        advance(Duration.ofMinutes(61));
        assertThat(code(doctorA.download(fileId))).isEqualTo("NOT_FOUND");
        doctorA.document("shares", "sharedWithMe").execute().path("sharedWithMe").entityList(Object.class).hasSize(0);

        String fileShare = (String) patient.share(Map.of("doctorId", doctorA.id, "fileIds", List.of(fileId),
                "durationHours", 24)).get("id");
        assertThat(RecordClient.get(doctorA.downloadUrl(fileId)).statusCode()).isEqualTo(200);
        patient.document("shares", "revokeShare").variable("shareId", fileShare).execute()
                .path("revokeShare.active").entity(Boolean.class).isEqualTo(false)
                .path("revokeShare.revokedAt").hasValue();
        assertThat(code(doctorA.download(fileId))).isEqualTo("NOT_FOUND");

        patient.document("shares", "myShares").variable("active", false).execute()
                .path("myShares[*].id").entityList(String.class).containsExactly(fileShare, groupShare);

        List<Map<String, Object>> log = patient.document("recordAccessLog").variable("first", 20).execute()
                .path("recordAccessLog.edges[*].node").entityList(Map.class).get().stream()
                .map(entry -> (Map<String, Object>) entry).toList();
        assertThat(log).extracting(entry -> entry.get("action")).containsExactly(
                "ACCESS_REFUSED", "REVOKE", "DOWNLOAD_URL_ISSUED", "SHARE", "ACCESS_REFUSED", "ACCESS_REFUSED",
                "DOWNLOAD_URL_ISSUED", "SHARE", "UPLOAD");
        assertThat(log.get(6).get("description")).asString()
                .startsWith(doctorA.name + " opened exame.pdf under your share of 'cardiologia' on ");
        assertThat(log.get(6)).containsEntry("shareId", groupShare).containsEntry("actorRole", "DOCTOR")
                .containsEntry("actorName", doctorA.name).containsEntry("fileId", fileId);
        assertThat(log.get(6).get("clientAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(log.get(5).get("description")).asString().startsWith(doctorB.name + " was refused access to exame.pdf on ");
        assertThat(log.get(4).get("description")).asString().startsWith(doctorA.name + " was refused access to exame.pdf");
        assertThat(log.get(7).get("description")).asString().startsWith("You shared 'cardiologia' with " + doctorA.name);
        assertThat(log.get(1).get("description")).asString().startsWith("You revoked the share of 1 file with " + doctorA.name);
        assertThat(log.get(8).get("description")).asString().startsWith("You uploaded exame.pdf on ");
    }

    // --- uploads ----------------------------------------------------------------------------------

    @Test
    void aJpegDeclaredAsPdfIsRefusedAndDiscarded() {
        Map<String, Object> ticket = patient.requestUpload("laudo.pdf", "application/pdf", 2_000, List.of());
        assertThat(RecordClient.put(ticket, Samples.jpeg(2_000)).statusCode()).isEqualTo(200);

        assertThat(code(patient.complete((String) ticket.get("fileId")))).isEqualTo("UPLOAD_MISMATCH");
        assertThat(code(patient.complete((String) ticket.get("fileId")))).isEqualTo("NOT_FOUND");
        patient.document("myRecord").execute().path("myRecord.files.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void eachAllowedTypeIsCheckedByItsFirstBytes() {
        patient.upload("a.pdf", "application/pdf", Samples.pdf(1_000), List.of());
        patient.upload("b.jpg", "image/jpeg", Samples.jpeg(1_000), List.of());
        patient.upload("c.png", "image/png", Samples.png(1_000), List.of());
        patient.upload("d.dcm", "application/dicom", Samples.dicom(1_000), List.of());
        patient.upload("e.txt", "text/plain", Samples.text("Hemoglobina 13,5 g/dL"), List.of());
        Map<String, Object> notDicom = patient.requestUpload("f.dcm", "application/dicom", 1_000, List.of());
        RecordClient.put(notDicom, Samples.pdf(1_000));
        assertThat(code(patient.complete((String) notDicom.get("fileId")))).isEqualTo("UPLOAD_MISMATCH");

        patient.document("myRecord").execute().path("myRecord.files.edges[*].node.contentType").entityList(String.class)
                .contains("text/plain", "application/dicom", "image/png", "image/jpeg", "application/pdf").hasSize(5);
    }

    @Test
    void completingBeforeTheBytesArriveSaysSoAndCompletingTwiceIsHarmless() {
        byte[] bytes = Samples.pdf(10_000);
        Map<String, Object> ticket = patient.requestUpload("exame.pdf", "application/pdf", bytes.length, List.of());
        String fileId = (String) ticket.get("fileId");
        assertThat(code(patient.complete(fileId))).isEqualTo("UPLOAD_INCOMPLETE");

        RecordClient.put(ticket, bytes);
        patient.complete(fileId).path("completeFileUpload.sizeBytes").entity(Long.class).isEqualTo(10_000L);
        patient.complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
        patient.document("myRecord").execute().path("myRecord.usedBytes").entity(Long.class).isEqualTo(10_000L);
    }

    @Test
    void anUploadNeverCompletedExpiresAndLeavesNothingVisible() {
        byte[] bytes = Samples.pdf(1_000);
        Map<String, Object> ticket = patient.requestUpload("exame.pdf", "application/pdf", bytes.length, List.of());
        RecordClient.put(ticket, bytes);
        advance(Duration.ofMinutes(15));

        assertThat(code(patient.complete((String) ticket.get("fileId")))).isEqualTo("NOT_FOUND");
        patient.document("myRecord").execute()
                .path("myRecord.files.edges").entityList(Object.class).hasSize(0)
                .path("myRecord.usedBytes").entity(Long.class).isEqualTo(0L);

        ObjectKey key = records.file(FileId.of(GlobalIds.key((String) ticket.get("fileId")))).orElseThrow().objectKey();
        assertThat(blobs.head(key)).isPresent();
        sweeper.sweep();
        assertThat(blobs.head(key)).as("the sweep reclaims the bytes").isEmpty();
        assertThat(records.file(FileId.of(GlobalIds.key((String) ticket.get("fileId"))))).isEmpty();
    }

    @Test
    void typeSizeAndQuotaLimitsHaveTheirOwnCodes() {
        assertThat(code(patient.document("requestFileUpload").variable("input", Map.of("fileName", "v.mp4",
                "contentType", "video/mp4", "sizeBytes", 10, "category", "OTHER")).execute())).isEqualTo("UNSUPPORTED_FILE_TYPE");
        assertThat(code(patient.document("requestFileUpload").variable("input", Map.of("fileName", "big.pdf",
                "contentType", "application/pdf", "sizeBytes", 600 * 1024 + 1, "category", "EXAM")).execute())).isEqualTo("FILE_TOO_LARGE");
        assertThat(code(patient.document("requestFileUpload").variable("input", Map.of("fileName", "  ",
                "contentType", "application/pdf", "sizeBytes", 10, "category", "EXAM")).execute())).isEqualTo("BAD_USER_INPUT");

        patient.upload("one.pdf", "application/pdf", Samples.pdf(600 * 1024), List.of());
        assertThat(code(patient.document("requestFileUpload").variable("input", Map.of("fileName", "two.pdf",
                "contentType", "application/pdf", "sizeBytes", 500 * 1024, "category", "EXAM")).execute())).isEqualTo("QUOTA_EXCEEDED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadsInProgressHoldTheirBytesSoRequestsTogetherNeverPromiseMoreThanTheQuota() throws Exception {
        // The 45 requests of 50 MB against a 2 GB quota, scaled to this suite's 1 MB quota.
        int size = 100 * 1024;
        List<Object> outcomes = Concurrently.run(45, i -> () -> requestOutcome("exame-" + i + ".pdf", size));

        List<Map<String, Object>> tickets = outcomes.stream().filter(Map.class::isInstance).map(t -> (Map<String, Object>) t).toList();
        assertThat(tickets).hasSize(10);
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Map)).containsOnly("QUOTA_EXCEEDED");
        assertUsage(0, 10L * size);

        // Completing one turns its hold into usage; cancelling one gives its hold back at once.
        assertThat(RecordClient.put(tickets.get(0), Samples.pdf(size)).statusCode()).isEqualTo(200);
        patient.complete((String) tickets.get(0).get("fileId")).path("completeFileUpload.sizeBytes").entity(Long.class).isEqualTo((long) size);
        patient.document("cancelFileUpload").variable("fileId", tickets.get(1).get("fileId")).execute()
                .path("cancelFileUpload").entity(Boolean.class).isEqualTo(true);
        assertThat(code(patient.document("cancelFileUpload").variable("fileId", tickets.get(1).get("fileId")).execute())).isEqualTo("NOT_FOUND");
        patient.document("cancelFileUpload").variable("fileId", tickets.get(0).get("fileId")).execute()
                .path("cancelFileUpload").entity(Boolean.class).isEqualTo(false); // completed: not cancelled
        assertUsage(size, 8L * size);
        assertThat(requestOutcome("one-more.pdf", size)).isInstanceOf(Map.class);
        assertThat(requestOutcome("too-many.pdf", size)).isEqualTo("QUOTA_EXCEEDED");

        // Expired uploads give their bytes back when they expire, before any sweep has run.
        advance(Duration.ofMinutes(15));
        assertUsage(size, 0);
        for (int i = 0; i < 9; i++) {
            assertThat(requestOutcome("later-" + i + ".pdf", size)).isInstanceOf(Map.class);
        }
        assertThat(requestOutcome("later-too-many.pdf", size)).isEqualTo("QUOTA_EXCEEDED");
        sweeper.sweep();
        assertUsage(size, 9L * size);
    }

    @Test
    void holdsLeftBehindByAServiceStoppedHalfWayAreReconciledOnceExpired() {
        // What a crash can leave: a hold whose intent was never stored, and a file made available whose
        // hold was never settled. Both count against the quota until their expiry, then are put right.
        AccountId owner = AccountId.of(GlobalIds.key(patient.id));
        Instant expiry = clock.instant().plus(Duration.ofMinutes(15));
        records.reserveUpload(owner, new UploadHold(FileId.random(), 500 * 1024, expiry), 1024 * 1024, 20);
        RecordFile completed = new RecordFile(FileId.random(), owner, "exame.pdf", "application/pdf", 300 * 1024,
                FileCategory.EXAM, ObjectKey.random(), Set.of(), clock.instant(), expiry, Optional.empty());
        records.reserveUpload(owner, new UploadHold(completed.id(), completed.sizeBytes(), expiry), 1024 * 1024, 20);
        records.createFile(completed);
        records.markAvailable(completed, clock.instant());

        assertThat(requestOutcome("big.pdf", 300 * 1024)).isEqualTo("QUOTA_EXCEEDED");
        advance(Duration.ofMinutes(15));
        assertThat(requestOutcome("big.pdf", 300 * 1024)).isInstanceOf(Map.class);
        assertUsage(300 * 1024, 300 * 1024);
        assertThat(requestOutcome("too-big.pdf", 500 * 1024)).as("the completed file still counts").isEqualTo("QUOTA_EXCEEDED");
    }

    /** The ticket of a {@code requestFileUpload} of {@code size} bytes, or the error code. */
    private Object requestOutcome(String fileName, int size) {
        GraphQlTester.Response response = patient.document("requestFileUpload").variable("input", Map.of("fileName", fileName,
                "contentType", "application/pdf", "sizeBytes", size, "category", "EXAM")).execute();
        List<org.springframework.graphql.ResponseError>[] errors = new List[1];
        response.errors().satisfy(list -> errors[0] = list);
        return errors[0].isEmpty() ? response.path("requestFileUpload").entity(Map.class).get()
                : String.valueOf(errors[0].get(0).getExtensions().get("code"));
    }

    // --- the record -------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void filesArePagedNewestFirstAndFilteredByGroupAndCategory() {
        String group = patient.createGroup("exames de 2025");
        String first = (String) patient.upload("1.txt", "text/plain", Samples.text("um"), List.of(group)).get("id");
        advance(Duration.ofSeconds(1));
        String second = (String) patient.upload("2.txt", "text/plain", Samples.text("dois"), List.of()).get("id");
        advance(Duration.ofSeconds(1));
        String third = (String) patient.upload("3.txt", "text/plain", Samples.text("três"), List.of(group)).get("id");

        Map<String, Object> page = patient.document("myRecord").variable("first", 2).execute()
                .path("myRecord.files").entity(Map.class).get();
        assertThat(((List<Map<String, Object>>) page.get("edges"))).extracting(edge -> ((Map<String, Object>) edge.get("node")).get("id"))
                .containsExactly(third, second);
        Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
        assertThat(pageInfo.get("hasNextPage")).isEqualTo(true);
        patient.document("myRecord").variable("first", 2).variable("after", pageInfo.get("endCursor")).execute()
                .path("myRecord.files.edges[*].node.id").entityList(String.class).containsExactly(first)
                .path("myRecord.files.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        patient.document("myRecord").variable("groupId", group).execute()
                .path("myRecord.files.edges[*].node.id").entityList(String.class).containsExactly(third, first)
                .path("myRecord.files.edges[0].node.groups[0].name").entity(String.class).isEqualTo("exames de 2025");
        patient.document("myRecord").variable("category", "PRESCRIPTION").execute()
                .path("myRecord.files.edges").entityList(Object.class).hasSize(0);
        assertThat(code(patient.document("myRecord").variable("after", "bm90IGEgY3Vyc29y").execute())).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void renamingKeepsTheBytesAndDeletingRemovesThemFromStorage() {
        byte[] bytes = Samples.pdf(4_000);
        String fileId = (String) patient.upload("scan001.pdf", "application/pdf", bytes, List.of()).get("id");
        patient.document("recordFiles", "renameFile").variable("fileId", fileId).variable("fileName", "C:\\exames\\Hemograma – março.pdf")
                .execute().path("renameFile.fileName").entity(String.class).isEqualTo("Hemograma – março.pdf");
        String url = patient.downloadUrl(fileId);
        HttpResponse<byte[]> renamed = RecordClient.get(url);
        assertThat(renamed.body()).isEqualTo(bytes);
        assertThat(renamed.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Hemograma _ mar_o.pdf\"; filename*=UTF-8''Hemograma%20%E2%80%93%20mar%C3%A7o.pdf");

        patient.document("recordFiles", "deleteFile").variable("fileId", fileId).execute()
                .path("deleteFile").entity(Boolean.class).isEqualTo(true);
        assertThat(RecordClient.get(url).statusCode()).as("the object is gone too").isEqualTo(404);
        assertThat(code(patient.download(fileId))).isEqualTo("NOT_FOUND");
        patient.document("myRecord").execute().path("myRecord.usedBytes").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aSharedGroupCoversTheFilesInItAtTheMomentOfAccess() {
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        String group = patient.createGroup("cardiologia");
        String later = (String) patient.upload("ecg.pdf", "application/pdf", Samples.pdf(1_000), List.of()).get("id");
        patient.share(Map.of("doctorId", doctor.id, "groupIds", List.of(group), "expiresAt", Instant.now().plus(Duration.ofDays(2)).toString()));
        assertThat(code(doctor.download(later))).isEqualTo("NOT_FOUND");

        patient.document("recordGroups", "addFilesToGroup").variable("groupId", group).variable("fileIds", List.of(later)).execute()
                .path("addFilesToGroup.name").entity(String.class).isEqualTo("cardiologia");
        assertThat(RecordClient.get(doctor.downloadUrl(later)).statusCode()).isEqualTo(200);

        patient.document("recordGroups", "removeFilesFromGroup").variable("groupId", group).variable("fileIds", List.of(later)).execute()
                .errors().verify()
                .path("removeFilesFromGroup.id").entity(String.class).isEqualTo(group)
                .path("removeFilesFromGroup.name").entity(String.class).isEqualTo("cardiologia");
        assertThat(code(doctor.download(later))).isEqualTo("NOT_FOUND");
    }

    @Test
    void sharesNeedAScopeADoctorAndABoundedFutureExpiry() {
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        RecordClient otherPatient = RecordClient.patient(Api.at(port));
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "durationHours", 1)).execute())).isEqualTo("INVALID_SHARE");
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "allFiles", true, "durationHours", 366 * 24)).execute())).isEqualTo("INVALID_SHARE");
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "allFiles", true, "expiresAt", "2020-01-01T00:00:00Z")).execute())).isEqualTo("INVALID_SHARE");
        assertThat(code(patient.document("shares", "shareRecord").variable("input", Map.of("doctorId", otherPatient.id,
                "allFiles", true, "durationHours", 1)).execute())).isEqualTo("NOT_FOUND");

        patient.share(Map.of("doctorId", doctor.id, "allFiles", true, "durationHours", 1));
        String file = (String) patient.upload("depois.pdf", "application/pdf", Samples.pdf(1_000), List.of()).get("id");
        assertThat(RecordClient.get(doctor.downloadUrl(file)).statusCode()).as("allFiles covers later files").isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListThatAnswersAnErrorIsNullBesideItNotAnEmptyList() {
        // issue 14, finding 2: an error beside {edges: [], hasNextPage: false} is shown as "nothing there"
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        GraphQlTester.Response log = doctor.document("recordAccessLog").variable("first", 20).execute();
        assertThat(code(log)).isEqualTo("WRONG_ROLE");
        assertThat((Map<String, Object>) log.returnResponse().getData()).as("the field is there, and null")
                .containsEntry("recordAccessLog", null);

        GraphQlTester.Response files = patient.document("myRecord").variable("groupId", UUID.randomUUID().toString()).execute();
        assertThat(code(files)).isEqualTo("NOT_FOUND");
        files.path("myRecord.files").valueIsNull().path("myRecord.quotaBytes").entity(Long.class).isEqualTo(1024L * 1024);

        GraphQlTester.Response shared = patient.document("shares", "sharedRecords").variable("first", 20).execute();
        assertThat(code(shared)).as("a patient asking for the records shared with them").isNotNull();
        assertThat((Map<String, Object>) shared.returnResponse().getData()).containsEntry("sharedRecords", null);

        GraphQlTester.Response timeline = patient.document("clinical", "myTimeline").variable("first", 101).execute();
        assertThat(code(timeline)).isEqualTo("BAD_USER_INPUT");
        timeline.path("myRecord.timeline").valueIsNull().path("myRecord").hasValue();
    }

    /** Read backwards, the access log gives who accessed the record since a page the patient holds, each entry once. */
    @Test
    void theAccessLogReadBackwardsFromAHeldCursorGivesTheNewerEntriesOnce() {
        patient.upload("antes.txt", "text/plain", Samples.text("antes"), List.of());
        String held = patient.document("recordAccessLog").variable("first", 1).execute()
                .path("recordAccessLog.edges[0].cursor").entity(String.class).get();
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(1));
            patient.upload("depois-" + i + ".txt", "text/plain", Samples.text("depois " + i), List.of());
        }

        List<String> newer = new java.util.ArrayList<>();
        String before = held;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = patient.document("recordAccessLog").variable("last", 2).variable("before", before).execute();
            newer.addAll(0, page.path("recordAccessLog.edges[*].node.fileName").entityList(String.class).get());
            page.path("recordAccessLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
            more = page.path("recordAccessLog.pageInfo.hasPreviousPage").entity(Boolean.class).get();
            before = page.path("recordAccessLog.pageInfo.startCursor").entity(String.class).get();
        }
        assertThat(newer).as("newest first, as the log reads").containsExactly("depois-2.txt", "depois-1.txt", "depois-0.txt");

        List<String> forwards = new java.util.ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = patient.document("recordAccessLog").variable("first", 3).variable("after", after).execute();
            forwards.addAll(page.path("recordAccessLog.edges[*].node.fileName").entityList(String.class).get());
            after = page.path("recordAccessLog.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("recordAccessLog.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(forwards).as("forwards to the end, each entry once")
                .containsExactly("depois-2.txt", "depois-1.txt", "depois-0.txt", "antes.txt");

        GraphQlTester.Response mixed = patient.document("recordAccessLog").variable("first", 2).variable("before", held).execute();
        assertThat(code(mixed)).isEqualTo("BAD_USER_INPUT");
        mixed.path("recordAccessLog").valueIsNull();
    }

    // --- nobody else sees anything ----------------------------------------------------------------

    @Test
    void otherPatientsDoctorsAndAnonymousCallersGetNotFoundForEveryId() {
        String group = patient.createGroup("cardiologia");
        String file = (String) patient.upload("exame.pdf", "application/pdf", Samples.pdf(1_000), List.of(group)).get("id");
        RecordClient doctor = RecordClient.doctor(Api.at(port));
        String share = (String) patient.share(Map.of("doctorId", doctor.id, "fileIds", List.of(file), "durationHours", 1)).get("id");
        RecordClient intruder = RecordClient.patient(Api.at(port));
        RecordClient otherDoctor = RecordClient.doctor(Api.at(port));
        RecordClient anonymous = RecordClient.anonymous(Api.at(port));
        String neverExisted = UUID.randomUUID().toString();

        for (RecordClient stranger : List.of(intruder, otherDoctor, anonymous, doctor)) {
            for (String id : List.of(file, neverExisted)) {
                assertThat(code(stranger.document("recordFiles", "renameFile").variable("fileId", id).variable("fileName", "x.pdf").execute())).isEqualTo("NOT_FOUND");
                assertThat(code(stranger.document("recordFiles", "deleteFile").variable("fileId", id).execute())).isEqualTo("NOT_FOUND");
                assertThat(code(stranger.complete(id))).isEqualTo("NOT_FOUND");
            }
            for (String id : List.of(group, neverExisted)) {
                assertThat(code(stranger.document("recordGroups", "renameRecordGroup").variable("groupId", id).variable("name", "x").execute())).isEqualTo("NOT_FOUND");
                assertThat(code(stranger.document("recordGroups", "deleteRecordGroup").variable("groupId", id).execute())).isEqualTo("NOT_FOUND");
                assertThat(code(stranger.document("recordGroups", "addFilesToGroup").variable("groupId", id).variable("fileIds", List.of(file)).execute())).isEqualTo("NOT_FOUND");
            }
            for (String id : List.of(share, neverExisted)) {
                assertThat(code(stranger.document("shares", "revokeShare").variable("shareId", id).execute())).isEqualTo("NOT_FOUND");
            }
        }
        for (RecordClient stranger : List.of(intruder, otherDoctor, anonymous)) {
            assertThat(code(stranger.download(file))).isEqualTo("NOT_FOUND");
        }
        assertThat(message(intruder.download(file))).isEqualTo(message(intruder.download(neverExisted)));
        assertThat(code(intruder.document("shares", "shareRecord").variable("input", Map.of("doctorId", doctor.id,
                "fileIds", List.of(file), "durationHours", 1)).execute())).isEqualTo("NOT_FOUND");
        assertThat(code(doctor.document("myRecord").execute())).isEqualTo("WRONG_ROLE");
        assertThat(code(anonymous.document("myRecord").execute())).isEqualTo("UNAUTHENTICATED");

        // The owner still has everything, unchanged.
        patient.document("myRecord").execute()
                .path("myRecord.files.edges[0].node.fileName").entity(String.class).isEqualTo("exame.pdf")
                .path("myRecord.groups[0].name").entity(String.class).isEqualTo("cardiologia");
        patient.document("shares", "myShares").variable("active", true).execute()
                .path("myShares[0].id").entity(String.class).isEqualTo(share);

        // ...and learns who knocked: doctors by name, other patients and anonymous callers not.
        List<String> log = patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node.description").entityList(String.class).get();
        assertThat(log).anySatisfy(entry -> assertThat(entry).startsWith("Another patient was refused access to exame.pdf on "));
        assertThat(log).anySatisfy(entry -> assertThat(entry).startsWith("An anonymous caller was refused access to exame.pdf on "));
        assertThat(log).anySatisfy(entry -> assertThat(entry).startsWith(otherDoctor.name + " was refused access to exame.pdf on "));
        assertThat(log).noneSatisfy(entry -> assertThat(entry).contains(intruder.name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusalsInARowAreOneEntryAndACallerWhoKeepsFailingIsStoppedWithoutFloodingTheLog() {
        String file = (String) patient.upload("exame.pdf", "application/pdf", Samples.pdf(1_000), List.of()).get("id");
        RecordClient intruder = RecordClient.doctor(Api.at(port));

        // The issue: 150 refused fileDownload calls in a row added 150 entries to the patient's log.
        List<String> codes = java.util.stream.IntStream.range(0, 150).mapToObj(i -> code(intruder.download(file))).toList();
        assertThat(codes.subList(0, 20)).containsOnly("NOT_FOUND");
        assertThat(codes.subList(20, 150)).containsOnly("TOO_MANY_REFUSALS");
        // Over the limit an id that never existed gets the same answer: the limit tells nothing about ids.
        GraphQlTester.Response limited = intruder.download(UUID.randomUUID().toString());
        limited.errors().satisfy(errors -> {
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "TOO_MANY_REFUSALS");
            assertThat(((Number) errors.get(0).getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 600L);
        });
        // The owner's own accesses are all still recorded, one entry each.
        for (int i = 0; i < 3; i++) {
            patient.downloadUrl(file);
        }

        List<Map<String, Object>> log = accessLog();
        assertThat(log).extracting(entry -> entry.get("action") + "×" + entry.get("count")).containsExactly(
                "DOWNLOAD_URL_ISSUED×1", "DOWNLOAD_URL_ISSUED×1", "DOWNLOAD_URL_ISSUED×1", "ACCESS_REFUSED×20", "UPLOAD×1");
        assertThat(log.get(3).get("description")).asString()
                .startsWith(intruder.name + " was refused access to exame.pdf on ").contains(", and 19 more times until ");

        // Once the window is over the caller is answered NOT_FOUND again, and it is a new entry.
        advance(Duration.ofMinutes(10));
        assertThat(code(intruder.download(file))).isEqualTo("NOT_FOUND");
        assertThat(accessLog().get(0)).containsEntry("action", "ACCESS_REFUSED").containsEntry("count", 1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLog() {
        return patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node").entityList(Map.class).get().stream()
                .map(entry -> (Map<String, Object>) entry).toList();
    }

    private static String message(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
        String[] message = new String[1];
        response.errors().satisfy(errors -> message[0] = errors.get(0).getMessage());
        return message[0];
    }
}
