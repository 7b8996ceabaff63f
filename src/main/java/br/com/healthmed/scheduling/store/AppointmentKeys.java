package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of appointments, their due checks, reviews, a patient's live bookings and a doctor's booking rules. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class AppointmentKeys {

    /** The prefix of an appointment. */
    static final String APPOINTMENT = "APPT#";

    private AppointmentKeys() {}

    /** An appointment: {@code APPT#<uuid>} / {@code APPT}. */
    static Map<String, AttributeValue> appointment(String appointmentId) {
        return Keys.key(APPOINTMENT + appointmentId, "APPT");
    }

    /** GSI1 partition of a patient's appointments, sort key {@code <start>#<appointment>}. */
    static String patientAppointments(String patientId) {
        return "PATIENT#" + patientId + "#APPTS";
    }

    /** GSI2 partition of a doctor's appointments, sort key {@code <start>#<appointment>}. */
    static String doctorAppointments(String doctorId) {
        return "DOCTOR#" + doctorId + "#APPTS";
    }

    /**
     * The sweep's checks as the previous release kept them, one partition per UTC hour:
     * {@code DUE#2026-12-01T14} / {@code <at>#<appointment>}. Read and cleared, no longer written.
     */
    static Map<String, AttributeValue> dueCheck(String hour, String sortKey) {
        return Keys.key("DUE#" + hour, sortKey);
    }

    static String dueHour(String hour) {
        return "DUE#" + hour;
    }

    /**
     * How far the move of the previous release's hourly checks into the 16 shards has come:
     * {@code DUE#MIGRATION} / {@code HOURLY} (no hour nor hex digit spells {@code MIGRATION}).
     */
    static Map<String, AttributeValue> hourlyChecksMigration() {
        return Keys.key("DUE#MIGRATION", "HOURLY");
    }

    /**
     * A check the sweep has still to make, in one of 16 partitions by the appointment id's first hex digit,
     * whatever its time: {@code DUE#<hex digit>} / {@code <at>#<appointment>}. It stays until the sweep clears it.
     */
    static Map<String, AttributeValue> pendingCheck(String appointmentId, String sortKey) {
        return Keys.key(pendingChecks(Keys.hexShard(appointmentId)), sortKey);
    }

    static String pendingChecks(String shard) {
        return "DUE#" + shard;
    }

    /** A review of a doctor: {@code REVIEWS#<doctor>} / {@code <ratedAt>#<appointment>}. */
    static Map<String, AttributeValue> review(String doctorId, String sortKey) {
        return Keys.key(doctorReviews(doctorId), sortKey);
    }

    static String doctorReviews(String doctorId) {
        return "REVIEWS#" + doctorId;
    }

    /** A patient's live reservations (anti-hoarding): {@code ACTIVE#<patient>} / {@code BOOKINGS}. */
    static Map<String, AttributeValue> activeBookings(String patientId) {
        return Keys.key("ACTIVE#" + patientId, "BOOKINGS");
    }

    /** A doctor's booking rules (minimum notice, buffer, instant booking ...): {@code RULES#<doctor>} / {@code BOOKING}. */
    static Map<String, AttributeValue> bookingRules(String doctorId) {
        return Keys.key("RULES#" + doctorId, "BOOKING");
    }

    /** The id in an appointment's key, {@code APPT#<id>}; any other shape is refused. */
    static String appointmentIdOf(String key) {
        return Keys.idAfter(APPOINTMENT, key);
    }
}
