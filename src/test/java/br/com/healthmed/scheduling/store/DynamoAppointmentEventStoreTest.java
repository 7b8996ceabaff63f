package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentEventStore.Logged;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAppointmentEventStoreTest extends AppointmentEventStoreContract {

    private static final Duration RETENTION = Duration.ofDays(7);
    private final DynamoTable table = Dynalite.newTable();
    private final AppointmentEventStore store = new DynamoAppointmentEventStore(table, RETENTION);

    @Override
    protected AppointmentEventStore store() {
        return store;
    }

    @Test
    void aLogThatEmptiedPastTheRetentionStartsAgainAboveEveryPositionItHad() {
        AccountId account = AccountId.random();
        Logged old = store.append(account, event(AppointmentId.random(), 0, AccountId.random(), account, NOW), NOW);
        Logged older = store.append(account, event(AppointmentId.random(), 0, AccountId.random(), account, NOW), NOW);
        // the ttl removes the events (DynamoDB does so some time after their ttl)
        for (Logged logged : java.util.List.of(old, older)) {
            table.client().deleteItem(b -> b.tableName(table.name()).key(EventLogKeys.eventLogEntry(account.toString(), logged.position())));
        }
        Instant later = NOW.plus(RETENTION).plus(Duration.ofDays(2));

        Logged fresh = store.append(account, event(AppointmentId.random(), 0, AccountId.random(), account, later), later);

        assertThat(fresh.position()).isGreaterThan(older.position() + 1_000_000);
        assertThat(fresh.position()).isEqualTo(AppointmentEventStore.firstPosition(later));
    }
}
