package br.com.healthmed.notifications.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notifications' and consent's keys are stored in DynamoDB: these strings must never change. */
class NotificationKeyShapesTest {

    private static final String ID = "a0000000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void everyShapeIsPinned() {
        assertThat(shown(NotificationKeys.sentMarker("d", ID))).isEqualTo("NOTIFY#d / TO#" + ID);
        assertThat(NotificationKeys.reminders(ID)).isEqualTo("REMINDER#" + ID);
        assertThat(shown(NotificationKeys.reminder(ID, 3600))).isEqualTo("REMINDER#" + ID + " / LEAD#0000003600");
        assertThat(NotificationKeys.remindersDue("2026-12-01T14")).isEqualTo("REMINDERS#DUE#2026-12-01T14");
        assertThat(shown(NotificationKeys.preferences(ID))).isEqualTo("NOTIFYPREFS#" + ID + " / PREFERENCES");
    }
}
