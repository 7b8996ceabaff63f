package br.com.healthmed.directory.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the doctor directory: profiles and search listings. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class DirectoryKeys {

    /** The prefix of a doctor profile or listing. */
    static final String DIRECTORY = "DIRECTORY#";

    private DirectoryKeys() {}

    /** A doctor's directory profile and rating totals: {@code DIRECTORY#<uuid>} / {@code PROFILE}. */
    static Map<String, AttributeValue> doctorProfile(String doctorId) {
        return Keys.key(DIRECTORY + doctorId, "PROFILE");
    }

    /**
     * GSI2 partition of doctor profiles whose listings a save or a withdrawal has not finished writing, by when
     * it began; one of 16 shards: {@code DIRECTORY#PENDING#<hex digit>}.
     */
    static String pendingListings(String shard) {
        return "DIRECTORY#PENDING#" + shard;
    }

    /** A doctor's search listing under one specialty code, or {@code *} for any: {@code DIRECTORY#<uuid>} / {@code LISTING#<code>}. */
    static Map<String, AttributeValue> doctorListing(String doctorId, String specialty) {
        return Keys.key("DIRECTORY#" + doctorId, "LISTING#" + specialty);
    }

    /** {@link Keys#GSI1PK} of a listing: its specialty and the geohash-4 cell of the office, {@code DOCGEO#CARDIOLOGIA#6gyf}. */
    static String doctorGeoPartition(String specialty, String geohash4) {
        return "DOCGEO#" + specialty + "#" + geohash4;
    }

    /** {@link Keys#GSI1SK} of a listing: the office's geohash-9, then the doctor, {@code 6gyf4bf1n#<uuid>}. */
    static String doctorGeoSort(String geohash9, String doctorId) {
        return geohash9 + "#" + doctorId;
    }

    /** The id in a doctor profile or listing's key, {@code DIRECTORY#<id>}; any other shape is refused. */
    static String doctorIdOf(String key) {
        return Keys.idAfter(DIRECTORY, key);
    }
}
