package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;

import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The one-off move of the previous release's due checks into the 16 shards. That release kept a check in the
 * partition of its hour ({@code DUE#<yyyy-MM-ddTHH>}), written up to the publishing horizon ahead, so reading
 * the last two days of hours finds one only once its hour comes: dropping that read would lose every check
 * still ahead. Each sweep run moves the next {@link #HOURS_PER_RUN} hours, from two days before the first run
 * to the horizon and two days past it: each check is written to its shard (without the old {@code ttl}) and
 * then deleted from its hour. Moving again is harmless (the same put, a delete of nothing), so a run cut
 * half-way, or two instances moving the same hours, lose nothing.
 *
 * <p>Progress is one item ({@link Keys#hourlyChecksMigration}): the next hour, the last one, when it began and
 * whether it is done. Hourly checks an old instance writes after the move passed their hour are still found by
 * the two-day read ({@link DynamoAppointmentStore#dueChecks}); that read (and this class) can go in a release
 * after a move that began once no instance of the previous release was left has finished (delete the item to
 * start another).
 */
final class LegacyChecks {

    /** About 2,260 hours for a 90-day horizon: done in 48 runs, 24 minutes at the sweep's 30 s. */
    static final int HOURS_PER_RUN = 48;

    private final DynamoTable table;
    private final Duration horizon;
    private final int hoursPerRun;

    LegacyChecks(DynamoTable table, Duration horizon, int hoursPerRun) {
        this.table = table;
        this.horizon = horizon;
        this.hoursPerRun = hoursPerRun;
    }

    /** Moves the next hours, unless all are moved; true once the move is done. */
    boolean moveSome(Instant now) {
        Map<String, AttributeValue> progress = table.item(AppointmentKeys.hourlyChecksMigration()).orElse(null);
        if (progress != null && Attributes.bool(progress, "done")) {
            return true;
        }
        Instant began = progress == null ? now : instant(progress, "began");
        Instant last = progress == null
                ? now.plus(horizon).plus(DynamoAppointmentStore.LEGACY_CHECKS_KEPT).truncatedTo(ChronoUnit.HOURS)
                : instant(progress, "last");
        Instant hour = progress == null
                ? now.minus(DynamoAppointmentStore.LEGACY_CHECKS_KEPT).truncatedTo(ChronoUnit.HOURS)
                : instant(progress, "next");
        for (int moved = 0; moved < hoursPerRun && !hour.isAfter(last); moved++, hour = hour.plus(Duration.ofHours(1))) {
            moveHour(hour);
        }
        boolean done = hour.isAfter(last);
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.hourlyChecksMigration());
        item.put("type", s("DUE_CHECKS_MIGRATION"));
        item.put("began", instant(began));
        item.put("last", instant(last));
        item.put("next", instant(hour));
        item.put("done", Attributes.bool(done));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
        return done;
    }

    private void moveHour(Instant hour) {
        String partition = AppointmentKeys.dueHour(DynamoAppointmentStore.HOUR.format(hour));
        for (QueryResponse page : table.pages(b -> b.consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition))))) {
            for (Map<String, AttributeValue> legacy : page.items()) {
                table.client().putItem(b -> b.tableName(table.name())
                        .item(DynamoAppointmentStore.pendingCheck(DynamoAppointmentStore.dueCheck(legacy))));
                table.client().deleteItem(b -> b.tableName(table.name())
                        .key(Map.of(Keys.PK, legacy.get(Keys.PK), Keys.SK, legacy.get(Keys.SK))));
            }
        }
    }
}
