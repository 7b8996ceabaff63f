package br.com.healthmed.notifications.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.NotificationPreferences;
import br.com.healthmed.notifications.PreferenceStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

class InMemoryPreferenceStore implements PreferenceStore {

    private final Map<AccountId, NotificationPreferences> preferences = new ConcurrentHashMap<>();

    @Override
    public Optional<NotificationPreferences> find(AccountId accountId) {
        return Optional.ofNullable(preferences.get(accountId));
    }

    @Override
    public void save(AccountId accountId, NotificationPreferences newPreferences) {
        preferences.put(accountId, newPreferences);
    }
}
