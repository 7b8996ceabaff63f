package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import java.util.Optional;

/** Each account's notification preferences. Implementations must pass {@code PreferenceStoreContract}. */
public interface PreferenceStore {

    /** Empty until the account saves preferences (then {@link NotificationPreferences#DEFAULT} applies). */
    Optional<NotificationPreferences> find(AccountId accountId);

    void save(AccountId accountId, NotificationPreferences preferences);
}
