package br.com.healthmed.notifications.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.NotificationPreferences;
import br.com.healthmed.notifications.NotificationPreferencesService;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The caller's notification preferences. The schema's input types already refuse unknown keys
 * (GRAPHQL_VALIDATION_FAILED, before anything runs); an explicit null is refused here, before
 * anything is saved.
 */
@Controller
class NotificationPreferencesController {

    private final NotificationPreferencesService preferences;

    NotificationPreferencesController(NotificationPreferencesService preferences) {
        this.preferences = preferences;
    }

    @QueryMapping
    NotificationPreferences notificationPreferences(@AuthenticationPrincipal Caller caller) {
        return preferences.of(account(caller));
    }

    @MutationMapping
    NotificationPreferences updateNotificationPreferences(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        AccountId account = account(caller);
        Optional<Boolean> emailReminders = Optional.empty();
        if (input.containsKey("reminders")) {
            if (!(input.get("reminders") instanceof Map<?, ?> reminders)) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.reminders", "reminders must be an object, not null.");
            }
            if (reminders.containsKey("email")) {
                if (!(reminders.get("email") instanceof Boolean email)) {
                    throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.reminders.email", "email must be true or false.");
                }
                emailReminders = Optional.of(email);
            }
        }
        return preferences.update(account, emailReminders);
    }

    @SchemaMapping(typeName = "NotificationPreferences", field = "reminders")
    NotificationPreferences reminders(NotificationPreferences source) {
        return source;
    }

    @SchemaMapping(typeName = "ReminderChannels", field = "email")
    boolean email(NotificationPreferences source) {
        return source.emailReminders();
    }

    private static AccountId account(Caller caller) {
        return AccountId.of(Caller.required(caller).accountId());
    }
}
