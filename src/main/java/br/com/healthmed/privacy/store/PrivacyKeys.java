package br.com.healthmed.privacy.store;

import br.com.healthmed.platform.storage.Keys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the privacy module's items in the single table (the access-pattern table in
 * docs/privacy.md mirrors it).
 */
final class PrivacyKeys {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** {@link Keys#GSI2PK} of the copies being built. */
    static final String EXPORTS_PENDING = "DATAEXPORTS#PENDING";
    /** {@link Keys#GSI2PK} of the ready copies whose bytes are still stored, by expiry. */
    static final String EXPORTS_STORED = "DATAEXPORTS#STORED";
    /** {@link Keys#GSI1PK} of deactivations whose cascade is not done. */
    static final String CASCADES_PENDING = "INATIVACAO#CASCADE";
    /** {@link Keys#GSI2PK} of deactivated accounts, by the end of their grace. */
    static final String IN_GRACE = "INATIVACAO#GRACE";

    private PrivacyKeys() {}

    /** An account's marker of the copy being built: {@code DATAEXPORTS#<account>} / {@code RUNNING}. */
    static Map<String, AttributeValue> exportRunning(String accountId) {
        return key("DATAEXPORTS#" + accountId, "RUNNING");
    }

    /** One copy: {@code DATAEXPORT#<id>} / {@code EXPORT}. */
    static Map<String, AttributeValue> export(String exportId) {
        return key(EXPORT + exportId, "EXPORT");
    }

    /** The prefix of a copy's partition key. */
    static final String EXPORT = "DATAEXPORT#";

    /** The id in a copy's partition key, {@code DATAEXPORT#<id>}; any other shape is refused. */
    static String exportIdOf(String key) {
        return Keys.idAfter(EXPORT, key);
    }

    /** An account's deactivation state: {@code INATIVACAO#<account>} / {@code STATE}. */
    static Map<String, AttributeValue> accountState(String accountId) {
        return key(deactivation(accountId), "STATE");
    }

    /** The partition of an account's deactivation state and records. */
    static String deactivation(String accountId) {
        return "INATIVACAO#" + accountId;
    }

    /** Sort-key prefix of an account's deactivation records. */
    static final String RECORDS = "LOG#";

    /** One record: {@code INATIVACAO#<account>} / {@code LOG#<request>#<step number>#<step>}. */
    static Map<String, AttributeValue> deactivationRecord(String accountId, String requestId, int stepNumber, String step) {
        return key(deactivation(accountId), RECORDS + requestId + "#" + stepNumber + "#" + step);
    }

    /** A sortable, fixed-width instant followed by an id: index sort keys. */
    static String position(Instant at, String id) {
        return FIXED_WIDTH.format(at) + "#" + id;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Keys.key(pk, sk);
    }
}
