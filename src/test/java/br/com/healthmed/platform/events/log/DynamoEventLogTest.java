package br.com.healthmed.platform.events.log;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite, a DynamoDB-compatible engine, under a test's own key prefixes. */
class DynamoEventLogTest extends EventLogContract {

    private static final Duration RETENTION = Duration.ofDays(7);
    private static final LogKeys KEYS = new LogKeys("TESTLOG#", "TESTLOGHEAD#");
    private final DynamoTable table = Dynalite.newTable();
    private final EventLog<Noted> log = new DynamoEventLog<>(table, RETENTION, KEYS, Noted.CODEC);

    @Override
    protected EventLog<Noted> log() {
        return log;
    }

    @Test
    void logsUnderOtherPrefixesAreOthersEvenForTheSameOwner() {
        Noted.Owner owner = Noted.Owner.random();
        EventLog<Noted> other = new DynamoEventLog<>(table, RETENTION, new LogKeys("OTHERLOG#", "OTHERLOGHEAD#"), Noted.CODEC);
        Noted noted = Noted.at(NOW);
        Logged<Noted> mine = log.append(owner, noted, NOW);

        assertThat(other.after(owner, 0, 10)).isEmpty();
        assertThat(other.append(owner, noted, NOW)).isEqualTo(mine); // its own base on the same day: the same position
        assertThat(log.after(owner, 0, 10)).containsExactly(mine);
        assertThat(table.item(KEYS.entry(owner.value().toString(), mine.position()))).hasValueSatisfying(item ->
                assertThat(item).containsKeys("eventId", "text", "appendedAt", "ttl").containsEntry("type",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TEST_EVENT")));
    }

    @Test
    void aLogThatEmptiedPastTheRetentionStartsAgainAboveEveryPositionItHad() {
        Noted.Owner owner = Noted.Owner.random();
        Logged<Noted> old = log.append(owner, Noted.at(NOW), NOW);
        Logged<Noted> older = log.append(owner, Noted.at(NOW), NOW);
        // the ttl removes the events (DynamoDB does so some time after their ttl)
        for (Logged<Noted> logged : List.of(old, older)) {
            table.client().deleteItem(b -> b.tableName(table.name()).key(KEYS.entry(owner.value().toString(), logged.position())));
        }
        Instant later = NOW.plus(RETENTION).plus(Duration.ofDays(2));

        Logged<Noted> fresh = log.append(owner, Noted.at(later), later);

        assertThat(fresh.position()).isGreaterThan(older.position() + 1_000_000);
        assertThat(fresh.position()).isEqualTo(EventLog.firstPosition(later));
    }
}
