package br.com.healthmed.notifications.store;

import static br.com.healthmed.platform.storage.Attributes.bool;
import static br.com.healthmed.platform.storage.Attributes.s;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.NotificationPreferences;
import br.com.healthmed.notifications.PreferenceStore;
import br.com.healthmed.platform.storage.DynamoTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per account ({@link NotificationKeys#preferences}), replaced whole on every save. */
class DynamoPreferenceStore implements PreferenceStore {

    private final DynamoTable table;

    DynamoPreferenceStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<NotificationPreferences> find(AccountId accountId) {
        return table.item(NotificationKeys.preferences(accountId.toString()))
                .map(item -> new NotificationPreferences(bool(item, "emailReminders")));
    }

    @Override
    public void save(AccountId accountId, NotificationPreferences preferences) {
        Map<String, AttributeValue> item = new HashMap<>(NotificationKeys.preferences(accountId.toString()));
        item.put("type", s("NOTIFICATION_PREFERENCES"));
        item.put("emailReminders", bool(preferences.emailReminders()));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }
}
