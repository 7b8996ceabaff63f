package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.ReminderStore;

class InMemoryReminderStoreTest extends ReminderStoreContract {

    private final ReminderStore store = new InMemoryReminderStore();

    @Override
    protected ReminderStore store() {
        return store;
    }
}
