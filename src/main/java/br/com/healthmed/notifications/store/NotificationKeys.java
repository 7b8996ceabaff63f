package br.com.healthmed.notifications.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the notifications module's items in the single table (the access-pattern table in
 * docs/notifications.md mirrors it).
 */
final class NotificationKeys {

    private NotificationKeys() {}

    /** The marker of one delivery to one recipient: {@code NOTIFY#<delivery id>} / {@code TO#<account>}. */
    static Map<String, AttributeValue> sentMarker(String deliveryId, String accountId) {
        return key("NOTIFY#" + deliveryId, "TO#" + accountId);
    }

    /** The partition of an appointment's reminders: {@code REMINDER#<appointment>}. */
    static String reminders(String appointmentId) {
        return "REMINDER#" + appointmentId;
    }

    /** One reminder: {@code REMINDER#<appointment>} / {@code LEAD#<lead in seconds, 10 digits>}. */
    static Map<String, AttributeValue> reminder(String appointmentId, long leadSeconds) {
        return key(reminders(appointmentId), "LEAD#" + String.format("%010d", leadSeconds));
    }

    /** {@link Keys#GSI1PK} of a reminder not yet done: the UTC hour it is due, {@code REMINDERS#DUE#2026-12-01T14}. */
    static String remindersDue(String hour) {
        return "REMINDERS#DUE#" + hour;
    }

    /** An account's notification preferences: {@code NOTIFYPREFS#<account>} / {@code PREFERENCES}. */
    static Map<String, AttributeValue> preferences(String accountId) {
        return key("NOTIFYPREFS#" + accountId, "PREFERENCES");
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Keys.key(pk, sk);
    }
}
