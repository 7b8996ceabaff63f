package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.AppointmentStore.DueCheck;
import br.com.healthmed.scheduling.SortKeys;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAppointmentStoreTest extends AppointmentStoreContract {

    private final DynamoTable table = Dynalite.newTable();
    private final AppointmentStore store = new DynamoAppointmentStore(table);

    @Override
    protected AppointmentStore store() {
        return store;
    }

    /** DynamoDB would delete an item past its {@code ttl}, made or not: a pending check carries none. */
    @Test
    void aPendingCheckHasNoTtlToExpireBy() {
        DueCheck check = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofDays(3)));
        store.scheduleCheck(check);

        Map<String, AttributeValue> item = table.item(Keys.pendingCheck(check.appointmentId().toString(),
                SortKeys.of(check.at(), check.appointmentId()))).orElseThrow();
        assertThat(item).doesNotContainKey(Attributes.TTL);
    }

    /** During a rolling deploy the previous release still writes hourly partitions: their checks are swept and cleared too. */
    @Test
    void aCheckThePreviousReleaseWroteInItsHourlyPartitionIsDueAndCleared() {
        DueCheck check = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofHours(30)));
        String hour = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC).format(check.at());
        Map<String, AttributeValue> item = new HashMap<>(Keys.dueCheck(hour, SortKeys.of(check.at(), check.appointmentId())));
        item.put("type", AttributeValue.fromS("DUE_CHECK"));
        item.put("appointmentId", AttributeValue.fromS(check.appointmentId().toString()));
        item.put("at", Attributes.instant(check.at()));
        table.client().putItem(b -> b.tableName(table.name()).item(item));

        assertThat(store.dueChecks(NOW, 10)).containsExactly(check);
        store.clearCheck(check);
        assertThat(store.dueChecks(NOW, 10)).isEmpty();
    }
}
