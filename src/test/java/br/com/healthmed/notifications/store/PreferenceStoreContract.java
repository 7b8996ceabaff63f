package br.com.healthmed.notifications.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.NotificationPreferences;
import br.com.healthmed.notifications.PreferenceStore;
import org.junit.jupiter.api.Test;

/** What every {@link PreferenceStore} promises: what was saved last is read back, per account. */
abstract class PreferenceStoreContract {

    protected abstract PreferenceStore store();

    @Test
    void nothingIsStoredUntilSavedAndTheLastSaveWins() {
        AccountId ana = AccountId.random();
        AccountId bruno = AccountId.random();
        assertThat(store().find(ana)).isEmpty();

        store().save(ana, new NotificationPreferences(false));
        assertThat(store().find(ana)).contains(new NotificationPreferences(false));
        assertThat(store().find(bruno)).isEmpty();

        store().save(ana, new NotificationPreferences(true));
        assertThat(store().find(ana)).contains(new NotificationPreferences(true));
    }
}
