package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.SlotId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each patient's reservations in one DynamoDB item ({@code ACTIVE#<patient>} / {@code BOOKINGS}) with a
 * version: a reservation reads it, applies the rule and writes it back only over the version it read,
 * so concurrent bookings of one patient (a bot firing in parallel) cannot both slip under the limit.
 * A release also moves the version on, so no reservation write can bring a released one back.
 */
class DynamoActiveBookings implements ActiveBookings {

    private static final int ATTEMPTS = 20;

    private final DynamoTable table;

    DynamoActiveBookings(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Outcome reserve(AccountId patientId, Reservation reservation, int maxActive, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = table.item(AppointmentKeys.activeBookings(patientId.toString())).orElse(Map.of());
            long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
            Map<AppointmentId, Reservation> live = new HashMap<>();
            AttributeValue stored = item.get("reservations");
            if (stored != null && stored.hasM()) {
                stored.m().forEach((id, r) -> {
                    Reservation existing = new Reservation(AppointmentId.of(id), SlotId.of(string(r.m(), "slotId")),
                            AccountId.of(string(r.m(), "doctorId")), Instant.parse(string(r.m(), "start")),
                            Instant.parse(string(r.m(), "reservedAt")));
                    if (existing.start().isAfter(now)) {
                        live.put(existing.appointmentId(), existing);
                    }
                });
            }
            Outcome outcome = Reservations.check(live.values(), reservation, maxActive);
            if (outcome.result() != Result.RESERVED || live.containsKey(reservation.appointmentId())) {
                return outcome;
            }
            live.put(reservation.appointmentId(), reservation);
            if (write(patientId, version, live)) {
                return outcome;
            }
        }
        throw new DomainException(PlatformErrors.SERVICE_BUSY, "Too many bookings of this patient at once; try again.",
                Map.of("retryAfterSeconds", 1));
    }

    private boolean write(AccountId patientId, long readVersion, Map<AppointmentId, Reservation> live) {
        Map<String, AttributeValue> reservations = new HashMap<>();
        live.values().forEach(r -> reservations.put(r.appointmentId().toString(), AttributeValue.fromM(Map.of(
                "slotId", s(r.slotId().toString()), "doctorId", s(r.doctorId().toString()), "start", s(r.start().toString()),
                "reservedAt", s(r.reservedAt().toString())))));
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.activeBookings(patientId.toString()));
        item.put("type", s("ACTIVE_BOOKINGS"));
        item.put("reservations", AttributeValue.fromM(reservations));
        return table.putOverVersion(item, readVersion);
    }

    @Override
    public void release(AccountId patientId, AppointmentId appointmentId) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(AppointmentKeys.activeBookings(patientId.toString()))
                    .updateExpression("REMOVE reservations.#a ADD version :one")
                    .conditionExpression("attribute_exists(reservations.#a)")
                    .expressionAttributeNames(Map.of("#a", appointmentId.toString()))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException notReserved) {
            // nothing to release
        }
    }
}
