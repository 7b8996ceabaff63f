package br.com.healthmed.identity.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of accounts, login claims, sessions, tickets and second factors in the single table. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class AccountKeys {

    /** The prefix of an account. */
    static final String ACCOUNT = "ACCOUNT#";

    private AccountKeys() {}

    /** An account (patient or doctor): {@code ACCOUNT#<uuid>} / {@code PROFILE}. */
    static Map<String, AttributeValue> account(String accountId) {
        return Keys.key(ACCOUNT + accountId, "PROFILE");
    }

    /** A login claim, unique per kind and value: {@code LOGIN#EMAIL#ana@x.com} / {@code CLAIM}. */
    static Map<String, AttributeValue> loginClaim(String kind, String value) {
        return Keys.key("LOGIN#" + kind + "#" + value, "CLAIM");
    }

    /** A refresh token, by the SHA-256 of its value: {@code REFRESH#<hex>} / {@code TOKEN}. */
    static Map<String, AttributeValue> refreshToken(String tokenHash) {
        return Keys.key("REFRESH#" + tokenHash, "TOKEN");
    }

    /** A refresh-token family (one login session): {@code SESSION#<uuid>} / {@code FAMILY}. */
    static Map<String, AttributeValue> tokenFamily(String familyId) {
        return Keys.key("SESSION#" + familyId, "FAMILY");
    }

    /** GSI2 partition of an account's login sessions (refresh-token families): {@code SESSIONS#<account>}; sort key the session id. */
    static String accountSessions(String accountId) {
        return "SESSIONS#" + accountId;
    }

    /**
     * GSI1 partition of the sessions revoked in one UTC hour: {@code REVOKED#2026-12-02T01}; sort key
     * {@code <epoch millis, 20 digits>#<session>}. Set on the family item by the write that revokes it.
     */
    static String revokedSessionsHour(String hour) {
        return "REVOKED#" + hour;
    }

    /** A single-use ticket (password reset, login challenge, enrolment), by the SHA-256 of its secret: {@code TICKET#<hex>} / {@code TICKET}. */
    static Map<String, AttributeValue> oneTimeTicket(String ticketHash) {
        return Keys.key("TICKET#" + ticketHash, "TICKET");
    }

    /** An account's TOTP second factor: {@code ACCOUNT#<uuid>} / {@code TOTP}. */
    static Map<String, AttributeValue> twoFactor(String accountId) {
        return Keys.key("ACCOUNT#" + accountId, "TOTP");
    }

    /** The id in an account's key, {@code ACCOUNT#<id>}; any other shape is refused. */
    static String accountIdOf(String key) {
        return Keys.idAfter(ACCOUNT, key);
    }
}
