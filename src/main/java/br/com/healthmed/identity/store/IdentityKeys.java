package br.com.healthmed.identity.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the identity module's newer items in the single table (accounts, login claims and
 * sessions are in {@link AccountKeys}); the access-pattern table in docs/account.md mirrors it.
 */
final class IdentityKeys {

    private IdentityKeys() {}

    /** The partition of an account's append-only security log: {@code SECLOG#<account>}. */
    static String securityLog(String accountId) {
        return "SECLOG#" + accountId;
    }

    /** One security-log entry: {@code SECLOG#<account>} / {@code <fixed-width instant>#<entry uuid>}. */
    static Map<String, AttributeValue> securityEvent(String accountId, String position) {
        return key(securityLog(accountId), position);
    }

    /** An account's pending e-mail code for one purpose: {@code EMAILCODE#<account>} / {@code VERIFY_EMAIL} or {@code CHANGE_EMAIL}. */
    static Map<String, AttributeValue> emailCode(String accountId, String purpose) {
        return key("EMAILCODE#" + accountId, purpose);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Keys.key(pk, sk);
    }
}
