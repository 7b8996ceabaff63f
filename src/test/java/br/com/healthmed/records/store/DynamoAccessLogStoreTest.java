package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.AccessAction;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite. */
class DynamoAccessLogStoreTest extends AccessLogStoreContract {

    private static final Duration RETENTION = Duration.ofDays(7300);

    private final DynamoTable table = Dynalite.newTable();
    private final AccessLogStore store = new DynamoAccessLogStore(table, RETENTION);

    @Override
    protected AccessLogStore store() {
        return store;
    }

    @Test
    void entriesCarryTheRetentionAsTheirTtlSoDynamoDbDeletesThemOnlyAfterIt() {
        AccountId patient = AccountId.random();
        AccessLogEntry entry = new AccessLogEntry(UUID.randomUUID(), patient, NOW, AccessAction.UPLOAD, Optional.of(patient),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "203.0.113.7");
        store.append(entry);

        var item = table.item(RecordKeys.accessLogEntry(patient.toString(), TimePositions.of(entry.at(), entry.id()))).orElseThrow();
        assertThat(Long.parseLong(item.get("ttl").n())).isEqualTo(NOW.plus(RETENTION).getEpochSecond());
    }
}
