package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.notifications.NotificationPreferences;
import br.com.healthmed.notifications.NotificationPreferencesService;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code notificationPreferences}: what the subject chose to receive. */
@Component
@Order(40)
class NotificationPreferencesSection implements PersonalDataSection {

    private final NotificationPreferencesService preferences;

    NotificationPreferencesSection(NotificationPreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    public String key() {
        return "notificationPreferences";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        NotificationPreferences chosen = preferences.of(subject.account());
        return Optional.of(object("reminders", object("email", chosen.emailReminders())));
    }
}
