package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static br.com.healthmed.records.store.RecordsFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The production adapter against dynalite. */
class DynamoHealthRecordStoreTest extends HealthRecordStoreContract {

    private final DynamoTable table = Dynalite.newTable();
    private final HealthRecordStore store = new DynamoHealthRecordStore(table);

    @Override
    protected HealthRecordStore store() {
        return store;
    }

    /**
     * A rolling deploy or a rollback runs the previous release on the same table; it knows no tombstones. It
     * takes a file item with {@code availableAt} for an available file, and reads every {@code GROUP#} item's
     * {@code name}: a file tombstone must not carry the first, a group tombstone must keep the second.
     */
    @Test
    void tombstonesReadRightByThePreviousReleaseWhichKnowsNoTombstones() {
        AccountId patient = AccountId.random();
        RecordFile file = pending(patient, FileCategory.EXAM, Set.of());
        store.createFile(file);
        store.markAvailable(file, NOW);
        store.markDeleted(file.id(), NOW, NOW.plus(Duration.ofHours(1)));
        RecordGroup group = new RecordGroup(GroupId.random(), patient, "cardiologia", NOW);
        store.createGroup(group);
        store.deleteGroup(patient, group.id(), NOW, NOW.plus(Duration.ofHours(1)));

        Map<String, AttributeValue> fileTombstone = table.item(RecordKeys.recordFile(file.id().toString())).orElseThrow();
        assertThat(fileTombstone).doesNotContainKeys("availableAt", Keys.GSI1PK);
        assertThat(store.deletedFile(file.id()).orElseThrow().availableAt()).as("the new release still reads it").hasValue(NOW);
        assertThat(store.markAvailable(file, NOW.plusSeconds(1))).as("nor is it completed again").isFalse();
        assertThat(store.deleteIfPending(file.id())).as("nor taken for a pending upload").isFalse();
        assertThat(store.deletedFile(file.id())).isPresent();

        Map<String, AttributeValue> groupTombstone = table.item(RecordKeys.recordGroup(patient.toString(), group.id().toString())).orElseThrow();
        assertThat(groupTombstone).containsKeys("name", "createdAt");
        assertThat(store.groups(patient)).isEmpty();
    }
}
