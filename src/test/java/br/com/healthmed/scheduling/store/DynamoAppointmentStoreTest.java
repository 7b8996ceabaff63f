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
    private final AppointmentStore store = new DynamoAppointmentStore(table, Duration.ofDays(90));

    @Override
    protected AppointmentStore store() {
        return store;
    }

    /** DynamoDB would delete an item past its {@code ttl}, made or not: a pending check carries none. */
    @Test
    void aPendingCheckHasNoTtlToExpireBy() {
        DueCheck check = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofDays(3)));
        store.scheduleCheck(check);

        Map<String, AttributeValue> item = table.item(AppointmentKeys.pendingCheck(check.appointmentId().toString(),
                SortKeys.of(check.at(), check.appointmentId()))).orElseThrow();
        assertThat(item).doesNotContainKey(Attributes.TTL);
    }

    /** During a rolling deploy the previous release still writes hourly partitions: their checks are swept and cleared too. */
    @Test
    void aCheckThePreviousReleaseWroteInItsHourlyPartitionIsDueAndCleared() {
        DueCheck check = new DueCheck(AppointmentId.random(), NOW.minus(Duration.ofHours(30)));
        String hour = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC).format(check.at());
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.dueCheck(hour, SortKeys.of(check.at(), check.appointmentId())));
        item.put("type", AttributeValue.fromS("DUE_CHECK"));
        item.put("appointmentId", AttributeValue.fromS(check.appointmentId().toString()));
        item.put("at", Attributes.instant(check.at()));
        table.client().putItem(b -> b.tableName(table.name()).item(item));

        assertThat(store.dueChecks(NOW, 10)).containsExactly(check);
        store.clearCheck(check);
        assertThat(store.dueChecks(NOW, 10)).isEmpty();
    }

    /**
     * The previous release wrote a check in the hour of its time, up to the horizon ahead: the sweep moves it into
     * its shard (a bounded batch of hours a run, resumed where the last run stopped), so the hourly read can go.
     */
    @Test
    void aCheckThePreviousReleaseWroteAMonthAheadIsMovedIntoItsShard() {
        DueCheck check = new DueCheck(AppointmentId.random(), NOW.plus(Duration.ofDays(30)));
        String hour = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC).format(check.at());
        Map<String, AttributeValue> legacyKey = AppointmentKeys.dueCheck(hour, SortKeys.of(check.at(), check.appointmentId()));
        Map<String, AttributeValue> item = new HashMap<>(legacyKey);
        item.put("type", AttributeValue.fromS("DUE_CHECK"));
        item.put("appointmentId", AttributeValue.fromS(check.appointmentId().toString()));
        item.put("at", Attributes.instant(check.at()));
        item.put(Attributes.TTL, Attributes.epochSeconds(check.at().plus(Duration.ofDays(2))));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
        Map<String, AttributeValue> shardKey = AppointmentKeys.pendingCheck(check.appointmentId().toString(),
                SortKeys.of(check.at(), check.appointmentId()));
        // 31 days ahead and two on either side: 840 hours, in two runs of 500
        AppointmentStore moving = new DynamoAppointmentStore(table, new LegacyChecks(table, Duration.ofDays(31), 500));

        assertThat(moving.dueChecks(NOW, 10)).isEmpty();
        assertThat(table.item(legacyKey)).as("30 days ahead is past the first run's 500 hours").isPresent();
        assertThat(moving.dueChecks(NOW, 10)).isEmpty();

        assertThat(table.item(legacyKey)).isEmpty();
        assertThat(table.item(shardKey)).hasValueSatisfying(moved -> assertThat(moved).doesNotContainKey(Attributes.TTL));
        assertThat(table.item(AppointmentKeys.hourlyChecksMigration()).map(p -> Attributes.bool(p, "done"))).contains(true);
        assertThat(moving.dueChecks(check.at(), 10)).containsExactly(check);
    }
}
