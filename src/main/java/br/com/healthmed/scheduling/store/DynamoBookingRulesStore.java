package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.BookingRules;
import br.com.healthmed.scheduling.BookingRulesStore;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Doctors' booking rules in DynamoDB: one small item per doctor, {@code RULES#<doctor>} / {@code BOOKING}. */
class DynamoBookingRulesStore implements BookingRulesStore {

    private final DynamoTable table;

    DynamoBookingRulesStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<BookingRules> find(AccountId doctorId) {
        return table.item(AppointmentKeys.bookingRules(doctorId.toString())).map(DynamoBookingRulesStore::rules);
    }

    @Override
    public Map<AccountId, BookingRules> findAll(Collection<AccountId> doctorIds) {
        Map<AccountId, BookingRules> found = new HashMap<>();
        BatchReads.consistentItems(table, doctorIds.stream().map(id -> AppointmentKeys.bookingRules(id.toString())).toList())
                .forEach(item -> found.put(AccountId.of(string(item, "doctorId")), rules(item)));
        return found;
    }

    @Override
    public void put(AccountId doctorId, BookingRules rules) {
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.bookingRules(doctorId.toString()));
        item.put("type", s("BOOKING_RULES"));
        item.put("doctorId", s(doctorId.toString()));
        item.put("minimumNotice", s(rules.minimumNotice().toString()));
        item.put("maximumAdvance", s(rules.maximumAdvance().toString()));
        item.put("buffer", s(rules.buffer().toString()));
        item.put("lateCancellationNotice", s(rules.lateCancellationNotice().toString()));
        item.put("instantBooking", AttributeValue.fromBool(rules.instantBooking()));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    private static BookingRules rules(Map<String, AttributeValue> item) {
        return new BookingRules(Duration.parse(string(item, "minimumNotice")), Duration.parse(string(item, "maximumAdvance")),
                Duration.parse(string(item, "buffer")), Duration.parse(string(item, "lateCancellationNotice")),
                item.get("instantBooking").bool());
    }
}
