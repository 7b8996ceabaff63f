package br.com.healthmed.platform.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key shape of the single table, in one place; the README's access-pattern table mirrors it.
 * Values inside keys are already normalised by their value objects (lower-case e-mail, CPF digits,
 * CRM as {@code 123456/SP}).
 */
public final class Keys {

    public static final String PK = "PK";
    public static final String SK = "SK";

    /** First overloaded global secondary index and its key attributes (see {@link DynamoTable}). */
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";

    /** Second overloaded global secondary index and its key attributes. */
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";

    private Keys() {}

    /** An account (patient or doctor): {@code ACCOUNT#<uuid>} / {@code PROFILE}. */
    public static Map<String, AttributeValue> account(String accountId) {
        return key("ACCOUNT#" + accountId, "PROFILE");
    }

    /** A login claim, unique per kind and value: {@code LOGIN#EMAIL#ana@x.com} / {@code CLAIM}. */
    public static Map<String, AttributeValue> loginClaim(String kind, String value) {
        return key("LOGIN#" + kind + "#" + value, "CLAIM");
    }

    /** A refresh token, by the SHA-256 of its value: {@code REFRESH#<hex>} / {@code TOKEN}. */
    public static Map<String, AttributeValue> refreshToken(String tokenHash) {
        return key("REFRESH#" + tokenHash, "TOKEN");
    }

    /** A refresh-token family (one login session): {@code SESSION#<uuid>} / {@code FAMILY}. */
    public static Map<String, AttributeValue> tokenFamily(String familyId) {
        return key("SESSION#" + familyId, "FAMILY");
    }

    // Directory

    /** A doctor's directory profile and rating totals: {@code DIRECTORY#<uuid>} / {@code PROFILE}. */
    public static Map<String, AttributeValue> doctorProfile(String doctorId) {
        return key("DIRECTORY#" + doctorId, "PROFILE");
    }

    /** A doctor's search listing under one specialty code, or {@code *} for any: {@code DIRECTORY#<uuid>} / {@code LISTING#<code>}. */
    public static Map<String, AttributeValue> doctorListing(String doctorId, String specialty) {
        return key("DIRECTORY#" + doctorId, "LISTING#" + specialty);
    }

    /** {@link #GSI1PK} of a listing: its specialty and the geohash-4 cell of the office, {@code DOCGEO#CARDIOLOGIA#6gyf}. */
    public static String doctorGeoPartition(String specialty, String geohash4) {
        return "DOCGEO#" + specialty + "#" + geohash4;
    }

    /** {@link #GSI1SK} of a listing: the office's geohash-9, then the doctor, {@code 6gyf4bf1n#<uuid>}. */
    public static String doctorGeoSort(String geohash9, String doctorId) {
        return geohash9 + "#" + doctorId;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
