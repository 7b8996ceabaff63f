package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Each person's choice of reminders; the e-mails about a change of their appointments are always sent. */
@Service
@NamedInterface("api")
public class NotificationPreferencesService {

    private final PreferenceStore store;

    NotificationPreferencesService(PreferenceStore store) {
        this.store = store;
    }

    public NotificationPreferences of(AccountId accountId) {
        return store.find(accountId).orElse(NotificationPreferences.DEFAULT);
    }

    /** Changes what is given ({@code emailReminders}); what is empty stays as it is. */
    public NotificationPreferences update(AccountId accountId, Optional<Boolean> emailReminders) {
        NotificationPreferences current = of(accountId);
        NotificationPreferences updated = new NotificationPreferences(emailReminders.orElse(current.emailReminders()));
        store.save(accountId, updated);
        return updated;
    }
}
