package br.com.healthmed.telehealth.store;

import static br.com.healthmed.platform.storage.Attributes.instant;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.telehealth.JoinLinks;
import br.com.healthmed.telehealth.MeetingAttendanceStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Join-link attendance in DynamoDB: one item per room, {@code MEETING#<room>} / {@code ATTENDANCE}, with
 * {@code first#<account>} (set once, {@code if_not_exists}) and {@code last#<account>} per participant, so
 * recording is one update and the attendance of a page of appointments is one batched read.
 */
class DynamoMeetingAttendanceStore implements MeetingAttendanceStore {

    private static final String FIRST = "first#";
    private static final String LAST = "last#";

    private final DynamoTable table;

    DynamoMeetingAttendanceStore(DynamoTable table) {
        this.table = table;
    }

    static Map<String, AttributeValue> key(String room) {
        return Map.of(Keys.PK, AttributeValue.fromS("MEETING#" + room), Keys.SK, AttributeValue.fromS("ATTENDANCE"));
    }

    @Override
    public void joinLinkIssued(String room, AccountId participant, Instant at) {
        // "last" only moves forward in practice (one clock per instance, seconds apart); a stale write can only
        // set it to an instant that also happened.
        table.client().updateItem(b -> b.tableName(table.name()).key(key(room))
                .updateExpression("SET #first = if_not_exists(#first, :at), #last = :at, room = :room")
                .expressionAttributeNames(Map.of("#first", FIRST + participant, "#last", LAST + participant))
                .expressionAttributeValues(Map.of(":at", instant(at), ":room", AttributeValue.fromS(room))));
    }

    @Override
    public Map<String, Map<AccountId, JoinLinks>> of(Collection<String> rooms) {
        if (rooms.isEmpty()) {
            return Map.of();
        }
        List<Map<String, AttributeValue>> items = BatchReads.consistentItems(table, rooms.stream().distinct()
                .map(DynamoMeetingAttendanceStore::key).toList());
        Map<String, Map<AccountId, JoinLinks>> found = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            Map<AccountId, JoinLinks> links = new HashMap<>();
            item.forEach((name, value) -> {
                if (name.startsWith(FIRST)) {
                    String account = name.substring(FIRST.length());
                    Instant first = instant(item, name);
                    links.put(AccountId.of(account), new JoinLinks(first,
                            item.containsKey(LAST + account) ? instant(item, LAST + account) : first));
                }
            });
            found.put(item.get("room").s(), Map.copyOf(links));
        }
        return found;
    }
}
