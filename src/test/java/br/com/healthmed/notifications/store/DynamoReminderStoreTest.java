package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.ReminderStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoReminderStoreTest extends ReminderStoreContract {

    private final ReminderStore store = new DynamoReminderStore(Dynalite.newTable());

    @Override
    protected ReminderStore store() {
        return store;
    }
}
