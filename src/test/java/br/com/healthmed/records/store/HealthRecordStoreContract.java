package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static br.com.healthmed.records.store.RecordsFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.DocumentKind;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.IssuedBy;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.HealthRecordStore.FileFilter;
import br.com.healthmed.records.HealthRecordStore.Reservation;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.RecordUsage;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.records.UploadHold;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link HealthRecordStore} promises. */
abstract class HealthRecordStoreContract {

    protected abstract HealthRecordStore store();

    private final AccountId patient = AccountId.random();

    @Test
    void aPendingFileIsReadableByIdButListedOnlyOnceAvailable() {
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store().createFile(file);

        assertThat(store().file(file.id())).hasValue(file);
        assertThat(store().allAvailableFiles(patient, FileFilter.ALL)).isEmpty();

        assertThat(store().markAvailable(file, NOW.plusSeconds(5))).isTrue();
        assertThat(store().file(file.id())).hasValue(file.completedAt(NOW.plusSeconds(5)));
        assertThat(store().allAvailableFiles(patient, FileFilter.ALL)).containsExactly(file.completedAt(NOW.plusSeconds(5)));
    }

    @Test
    void anIssuedDocumentKeepsWhoIssuedItAndIsListedByKindAndConsultation() {
        AppointmentId consultation = AppointmentId.random();
        RecordFile own = pending(patient, FileCategory.EXAM, Set.of());
        RecordFile issued = RecordsFixtures.issued(patient, new IssuedBy(AccountId.random(), consultation, DocumentKind.PRESCRIPTION));
        RecordFile elsewhere = RecordsFixtures.issued(patient, new IssuedBy(AccountId.random(), AppointmentId.random(), DocumentKind.REPORT));
        for (RecordFile file : List.of(own, issued, elsewhere)) {
            store().createFile(file);
            store().markAvailable(file, NOW.plusSeconds(1));
        }

        assertThat(store().file(issued.id()).orElseThrow().issued()).isEqualTo(issued.issued());
        assertThat(store().allAvailableFiles(patient, new FileFilter(Optional.empty(), Optional.empty(), Optional.of(true),
                Optional.empty()))).extracting(RecordFile::id).containsExactlyInAnyOrder(issued.id(), elsewhere.id());
        assertThat(store().allAvailableFiles(patient, new FileFilter(Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.empty()))).extracting(RecordFile::id).containsExactly(own.id());
        assertThat(store().availableFiles(patient, new FileFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(consultation)), 10, Optional.empty()).items()).extracting(RecordFile::id).containsExactly(issued.id());
    }

    @Test
    void aFileIsMarkedAvailableOnceEvenWhenManyTryAtOnce() throws Exception {
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store().createFile(file);

        List<Object> results = Concurrently.run(20, i -> () -> store().markAvailable(file, NOW.plusSeconds(i + 1)));

        assertThat(results.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(results).containsOnly(true, false);
        assertThat(store().markAvailable(file, NOW.plusSeconds(100))).isFalse();
    }

    @Test
    void filesArePagedNewestFirstAndFilteredByCategoryAndGroup() {
        GroupId cardiologia = GroupId.random();
        List<RecordFile> available = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RecordFile file = pending(patient, i % 2 == 0 ? FileCategory.EXAM : FileCategory.REPORT,
                    i % 3 == 0 ? Set.of(cardiologia) : Set.of());
            store().createFile(file);
            store().markAvailable(file, NOW.plus(Duration.ofMinutes(i)));
            available.add(0, file.completedAt(NOW.plus(Duration.ofMinutes(i))));
        }
        store().createFile(pending(AccountId.random(), FileCategory.EXAM, Set.of())); // someone else's

        Page<RecordFile> first = store().availableFiles(patient, FileFilter.ALL, 3, Optional.empty());
        Page<RecordFile> second = store().availableFiles(patient, FileFilter.ALL, 3, first.next());
        Page<RecordFile> last = store().availableFiles(patient, FileFilter.ALL, 3, second.next());
        assertThat(first.items()).containsExactlyElementsOf(available.subList(0, 3));
        assertThat(second.items()).containsExactlyElementsOf(available.subList(3, 6));
        assertThat(last.items()).containsExactlyElementsOf(available.subList(6, 7));
        assertThat(last.next()).isEmpty();

        FileFilter exams = new FileFilter(Optional.of(FileCategory.EXAM), Optional.empty());
        Page<RecordFile> examPage = store().availableFiles(patient, exams, 2, Optional.empty());
        assertThat(examPage.items()).extracting(RecordFile::category).containsOnly(FileCategory.EXAM).hasSize(2);
        assertThat(store().availableFiles(patient, exams, 2, examPage.next()).items()).hasSize(2);

        FileFilter inGroup = new FileFilter(Optional.empty(), Optional.of(cardiologia));
        assertThat(store().allAvailableFiles(patient, inGroup)).containsExactly(available.get(0), available.get(3), available.get(6));
        FileFilter examsInGroup = new FileFilter(Optional.of(FileCategory.EXAM), Optional.of(cardiologia));
        assertThat(store().allAvailableFiles(patient, examsInGroup)).containsExactly(available.get(0), available.get(6));
    }

    @Test
    void renamingAndGroupChangesLeaveTheRestOfTheFileAlone() throws Exception {
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store().createFile(file);
        store().markAvailable(file, NOW);
        List<GroupId> groups = IntStream.range(0, 10).mapToObj(i -> GroupId.random()).toList();

        assertThat(Concurrently.run(groups.size(), i -> () -> {
            store().setInGroup(file.id(), groups.get(i), true);
            return true;
        })).containsOnly(true);
        store().rename(file.id(), "hemograma.pdf");
        store().setInGroup(file.id(), groups.get(0), false);

        RecordFile changed = store().file(file.id()).orElseThrow();
        assertThat(changed.fileName()).isEqualTo("hemograma.pdf");
        assertThat(changed.groups()).containsExactlyInAnyOrderElementsOf(groups.subList(1, groups.size()));
        assertThat(changed.objectKey()).isEqualTo(file.objectKey());
    }

    @Test
    void aFinalScanVerdictIsKeptWithTheFileAndChangesNothingElse() {
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store().createFile(file);
        store().markAvailable(file, NOW);
        assertThat(store().file(file.id()).orElseThrow().scan()).isEqualTo(ScanStatus.PENDING_SCAN);

        store().keepScanVerdict(file.id(), ScanStatus.CLEAN);
        store().setInGroup(file.id(), GroupId.random(), true);
        store().keepScanVerdict(FileId.random(), ScanStatus.CLEAN); // no such file: nothing happens

        RecordFile kept = store().file(file.id()).orElseThrow();
        assertThat(kept.scan()).isEqualTo(ScanStatus.CLEAN);
        assertThat(kept.scanned(ScanStatus.PENDING_SCAN).groups()).hasSize(1);
        assertThat(store().allAvailableFiles(patient, FileFilter.ALL)).extracting(RecordFile::scan).containsExactly(ScanStatus.CLEAN);
    }

    @Test
    void aDeletedFileIsGoneAndChangesToItDoNothingWhileItsTombstoneWaitsForTheSweep() {
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store().createFile(file);
        store().markAvailable(file, NOW);
        RecordFile available = store().file(file.id()).orElseThrow();
        Instant sweepAt = NOW.plus(Duration.ofHours(1));

        assertThat(store().markDeleted(file.id(), NOW, sweepAt)).isTrue();
        assertThat(store().markDeleted(file.id(), NOW, sweepAt)).as("deleted before").isFalse();
        store().rename(file.id(), "x.pdf");
        store().setInGroup(file.id(), GroupId.random(), true);

        assertThat(store().file(file.id())).isEmpty();
        assertThat(store().allAvailableFiles(patient, FileFilter.ALL)).isEmpty();
        assertThat(store().createFile(file)).as("its id is not made again").isFalse();
        assertThat(store().deletedFile(file.id())).hasValueSatisfying(tombstone -> {
            assertThat(tombstone.objectKey()).isEqualTo(file.objectKey());
            assertThat(tombstone.sizeBytes()).isEqualTo(file.sizeBytes());
        });
        assertThat(store().deletionsDue(sweepAt.minusSeconds(1), 100)).extracting(RecordFile::id).doesNotContain(file.id());
        assertThat(store().deletionsDue(sweepAt, 100)).extracting(RecordFile::id).contains(file.id());

        store().forgetDeletion(available, NOW);
        assertThat(store().deletedFile(file.id())).isEmpty();
        assertThat(store().deletionsDue(sweepAt, 100)).extracting(RecordFile::id).doesNotContain(file.id());
        assertThat(store().markDeleted(FileId.random(), NOW, sweepAt))
                .as("never there").isFalse();
    }

    @Test
    void groupsBelongToTheirOwnerOnly() {
        RecordGroup cardiologia = new RecordGroup(GroupId.random(), patient, "cardiologia", NOW);
        RecordGroup exames = new RecordGroup(GroupId.random(), patient, "Exames de 2025", NOW);
        store().createGroup(cardiologia);
        store().createGroup(exames);
        AccountId other = AccountId.random();

        assertThat(store().groups(patient)).containsExactly(cardiologia, exames);
        assertThat(store().group(other, cardiologia.id())).isEmpty();
        store().updateGroup(new RecordGroup(cardiologia.id(), other, "hijacked", NOW));
        store().deleteGroup(other, cardiologia.id(), NOW, NOW.plus(Duration.ofHours(1)));
        assertThat(store().group(patient, cardiologia.id())).hasValue(cardiologia);
        assertThat(store().groupDeletedAt(other, cardiologia.id())).isEmpty();

        store().updateGroup(cardiologia.renamed("Cardiologia 2026"));
        store().deleteGroup(patient, exames.id(), NOW, NOW.plus(Duration.ofHours(1)));
        assertThat(store().groups(patient)).containsExactly(cardiologia.renamed("Cardiologia 2026"));
        assertThat(store().group(patient, exames.id())).isEmpty();
        assertThat(store().groupDeletedAt(patient, exames.id())).hasValue(NOW);
        assertThat(store().groupDeletedAt(other, exames.id())).as("someone else's").isEmpty();
        store().updateGroup(exames.renamed("back"));
        assertThat(store().group(patient, exames.id())).as("a deleted group is not renamed back").isEmpty();
        assertThat(store().createGroup(exames)).as("nor made again").isFalse();
        assertThat(store().createGroup(cardiologia)).as("an existing id").isFalse();
    }

    @Test
    void concurrentUploadHoldsNeverExceedTheQuota() throws Exception {
        // the 45 requests of 50 MB against a 2 GB quota
        long size = 50L * 1024 * 1024;
        long quota = 2L * 1024 * 1024 * 1024;
        List<UploadHold> holds = IntStream.range(0, 45).mapToObj(i -> hold(size)).toList();

        List<Object> outcomes = Concurrently.run(45, i -> () -> store().reserveUpload(patient, holds.get(i), quota, 100));

        assertThat(outcomes.stream().filter(Reservation.RESERVED::equals)).hasSize(40);
        assertThat(outcomes).containsOnly(Reservation.RESERVED, Reservation.QUOTA_EXCEEDED);
        RecordUsage usage = store().usage(patient);
        assertThat(usage.usedBytes()).isZero();
        assertThat(usage.reservedBytesAt(NOW)).isEqualTo(40 * size);
        assertThat(usage.holds()).hasSize(40);
        assertThat(store().usage(AccountId.random())).isEqualTo(new RecordUsage(0, List.of()));
    }

    @Test
    void aHoldIsSettledIntoUsageOrReleasedOnceAndAgainChangesNothing() {
        UploadHold first = hold(300);
        UploadHold second = hold(300);
        UploadHold third = hold(300);
        assertThat(store().reserveUpload(patient, first, 1_000, 10)).isEqualTo(Reservation.RESERVED);
        assertThat(store().reserveUpload(patient, first, 1_000, 10)).as("a retried request").isEqualTo(Reservation.RESERVED);
        assertThat(store().reserveUpload(patient, second, 1_000, 10)).isEqualTo(Reservation.RESERVED);
        assertThat(store().reserveUpload(patient, third, 1_000, 10)).isEqualTo(Reservation.RESERVED);
        assertThat(store().reserveUpload(patient, hold(101), 1_000, 10)).isEqualTo(Reservation.QUOTA_EXCEEDED);

        store().settleUpload(patient, first.file());
        store().settleUpload(patient, first.file());
        store().releaseUpload(patient, second.file(), 300);
        store().releaseUpload(patient, second.file(), 300);
        store().releaseUpload(patient, first.file(), 300); // settled already: not a hold any more

        assertThat(store().usage(patient)).isEqualTo(new RecordUsage(300, List.of(third)));
        assertThat(store().reserveUpload(patient, hold(401), 1_000, 10)).isEqualTo(Reservation.QUOTA_EXCEEDED);
        assertThat(store().reserveUpload(patient, hold(400), 1_000, 10)).isEqualTo(Reservation.RESERVED);
        RecordFile deleted = new RecordFile(first.file(), patient, "a.pdf", "application/pdf", 300, FileCategory.EXAM,
                ObjectKey.random(), Set.of(), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.of(NOW));
        store().releaseDeletedBytes(deleted); // the completed file deleted
        store().releaseDeletedBytes(deleted); // a retry, or the sweep: given back once
        assertThat(store().usage(patient).usedBytes()).isZero();
        assertThat(store().usage(patient).holds()).hasSize(2);
        assertThat(store().reserveUpload(patient, hold(300), 1_000, 10)).isEqualTo(Reservation.RESERVED);
    }

    @Test
    void aDeletedFilesBytesAreGivenBackOnceEvenByAStaleTombstoneAfterItsForgetAndNeverBelowZero() {
        RecordFile deleted = settledFile(300);
        settledFile(200);
        store().releaseDeletedBytes(deleted);
        store().forgetDeletion(deleted, NOW);
        assertThat(store().usage(patient).usedBytes()).isEqualTo(200);

        // a sweep on another instance that read the tombstone before the forget, or a retry racing the sweep
        store().releaseDeletedBytes(deleted);
        store().forgetDeletion(deleted, NOW);
        store().releaseDeletedBytes(deleted);
        assertThat(store().usage(patient).usedBytes()).as("given back once").isEqualTo(200);

        // counts already wrong (fewer bytes than the file has): zero, not below, so the quota still holds
        RecordFile uncounted = new RecordFile(FileId.random(), patient, "b.pdf", "application/pdf", 900, FileCategory.EXAM,
                ObjectKey.random(), Set.of(), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.of(NOW));
        store().releaseDeletedBytes(uncounted);
        assertThat(store().usage(patient).usedBytes()).isZero();
        assertThat(store().reserveUpload(patient, hold(1_001), 1_000, 10)).isEqualTo(Reservation.QUOTA_EXCEEDED);
        assertThat(store().reserveUpload(patient, hold(1_000), 1_000, 10)).isEqualTo(Reservation.RESERVED);
    }

    @Test
    void theIdOfADeletedFileIsNotHeldAgainWhileItsReleaseIsRememberedAndItsMarkerGoesADayAfterTheForget() {
        RecordFile deleted = settledFile(300);
        store().releaseDeletedBytes(deleted);
        UploadHold again = new UploadHold(deleted.id(), 300, NOW.plus(Duration.ofMinutes(15)));
        assertThat(store().reserveUpload(patient, again, 10_000, 10)).as("tombstone there").isEqualTo(Reservation.SPENT);
        store().forgetDeletion(deleted, NOW);
        assertThat(store().reserveUpload(patient, again, 10_000, 10)).as("forgotten, release remembered").isEqualTo(Reservation.SPENT);
        assertThat(store().usage(patient)).isEqualTo(new RecordUsage(0, List.of()));

        RecordFile later = settledFile(100);
        store().releaseDeletedBytes(later);
        store().forgetDeletion(later, NOW.plus(HealthRecordStore.RELEASE_REMEMBERED).plusSeconds(1));
        assertThat(store().reserveUpload(patient, again, 10_000, 10)).as("pruned by a later forget").isEqualTo(Reservation.RESERVED);
    }

    /** An available file of {@code bytes} whose hold was settled into usage. */
    private RecordFile settledFile(long bytes) {
        UploadHold held = hold(bytes);
        assertThat(store().reserveUpload(patient, held, 10_000, 10)).isEqualTo(Reservation.RESERVED);
        store().settleUpload(patient, held.file());
        return new RecordFile(held.file(), patient, "a.pdf", "application/pdf", bytes, FileCategory.EXAM,
                ObjectKey.random(), Set.of(), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.of(NOW));
    }

    @Test
    void theNumberOfHoldsIsCapped() {
        for (int i = 0; i < 3; i++) {
            assertThat(store().reserveUpload(patient, hold(1), 1_000, 3)).isEqualTo(Reservation.RESERVED);
        }
        assertThat(store().reserveUpload(patient, hold(1), 1_000, 3)).isEqualTo(Reservation.TOO_MANY_PENDING);
        UploadHold any = store().usage(patient).holds().get(0);
        store().settleUpload(patient, any.file());
        assertThat(store().reserveUpload(patient, hold(1), 1_000, 3)).isEqualTo(Reservation.RESERVED);
    }

    private static UploadHold hold(long bytes) {
        return new UploadHold(FileId.random(), bytes, NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void expiredUploadsAreThePendingOnesAndTheUnsettledCompletionsAndACompletedOneIsNeverDeletedAsPending() {
        RecordFile expired = pending(patient, FileCategory.EXAM, Set.of());
        RecordFile completed = pending(patient, FileCategory.EXAM, Set.of());
        RecordFile stillOpen = new RecordFile(FileId.random(), patient, "b.pdf", "application/pdf", 1, FileCategory.EXAM,
                ObjectKey.random(), Set.of(), NOW, NOW.plus(Duration.ofHours(1)), Optional.empty());
        store().createFile(expired);
        store().createFile(completed);
        store().createFile(stillOpen);
        store().markAvailable(completed, NOW.plusSeconds(1));

        java.time.Instant later = NOW.plus(Duration.ofMinutes(20));
        assertThat(store().expiredUploads(later, 100)).extracting(RecordFile::id).contains(expired.id(), completed.id())
                .doesNotContain(stillOpen.id());
        store().settleUpload(patient, completed.id());
        assertThat(store().expiredUploads(later, 100)).as("settled").extracting(RecordFile::id).doesNotContain(completed.id());

        assertThat(store().expiredUploads(expired.uploadExpiresAt(), 100)).as("expired at its expiry instant")
                .extracting(RecordFile::id).contains(expired.id());
        assertThat(store().deleteIfPending(completed.id())).isFalse();
        assertThat(store().deleteIfPending(expired.id())).isTrue();
        assertThat(store().deleteIfPending(expired.id())).isFalse();
        assertThat(store().file(completed.id())).isPresent();
        assertThat(store().file(expired.id())).isEmpty();
        assertThat(store().expiredUploads(later, 100)).extracting(RecordFile::id).doesNotContain(expired.id());
    }
}
