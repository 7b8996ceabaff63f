package br.com.healthmed.platform.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key shape of the single table, in one place; docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
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

    /** GSI2 partition of an account's login sessions (refresh-token families): {@code SESSIONS#<account>}; sort key the session id. */
    public static String accountSessions(String accountId) {
        return "SESSIONS#" + accountId;
    }

    /**
     * GSI1 partition of the sessions revoked in one UTC hour: {@code REVOKED#2026-12-02T01}; sort key
     * {@code <epoch millis, 20 digits>#<session>}. Set on the family item by the write that revokes it.
     */
    public static String revokedSessionsHour(String hour) {
        return "REVOKED#" + hour;
    }

    /** A single-use ticket (password reset, login challenge, enrolment), by the SHA-256 of its secret: {@code TICKET#<hex>} / {@code TICKET}. */
    public static Map<String, AttributeValue> oneTimeTicket(String ticketHash) {
        return key("TICKET#" + ticketHash, "TICKET");
    }

    /** An account's TOTP second factor: {@code ACCOUNT#<uuid>} / {@code TOTP}. */
    public static Map<String, AttributeValue> twoFactor(String accountId) {
        return key("ACCOUNT#" + accountId, "TOTP");
    }

    // --- Scheduling ------------------------------------------------------------------------------

    /** A slot, one partition each (a sought-after doctor's claims spread out): {@code SLOT#<uuid>} / {@code SLOT}. */
    public static Map<String, AttributeValue> slot(String slotId) {
        return key("SLOT#" + slotId, "SLOT");
    }

    /** GSI1 partition of a doctor's slots in one UTC month: {@code AGENDA#<doctor>#2026-12}; sort key {@code <start>#<slot>}. */
    public static String doctorAgendaMonth(String doctorId, String yearMonth) {
        return "AGENDA#" + doctorId + "#" + yearMonth;
    }

    /** The intervals of all a doctor's slots, the one item that keeps them from overlapping: {@code AGENDA#<doctor>} / {@code LAYOUT}. */
    public static Map<String, AttributeValue> slotLayout(String doctorId) {
        return key("AGENDA#" + doctorId, "LAYOUT");
    }

    /** An appointment: {@code APPT#<uuid>} / {@code APPT}. */
    public static Map<String, AttributeValue> appointment(String appointmentId) {
        return key("APPT#" + appointmentId, "APPT");
    }

    /** GSI1 partition of a patient's appointments, sort key {@code <start>#<appointment>}. */
    public static String patientAppointments(String patientId) {
        return "PATIENT#" + patientId + "#APPTS";
    }

    /** GSI2 partition of a doctor's appointments, sort key {@code <start>#<appointment>}. */
    public static String doctorAppointments(String doctorId) {
        return "DOCTOR#" + doctorId + "#APPTS";
    }

    /**
     * The sweep's checks as the previous release kept them, one partition per UTC hour:
     * {@code DUE#2026-12-01T14} / {@code <at>#<appointment>}. Read and cleared, no longer written.
     */
    public static Map<String, AttributeValue> dueCheck(String hour, String sortKey) {
        return key("DUE#" + hour, sortKey);
    }

    public static String dueHour(String hour) {
        return "DUE#" + hour;
    }

    /**
     * Partitions spread by the first hex digit of a UUID (pending due checks, pending listings, the outbox): a
     * busy hour of writes lands on 16 partitions, not one, and a reader queries each.
     */
    public static final int HEX_SHARDS = 16;

    /** The shard of {@code uuid}, its first hex digit. */
    public static String hexShard(String uuid) {
        return uuid.substring(0, 1);
    }

    /** Shard number {@code shard} (0 to {@link #HEX_SHARDS} - 1), as its hex digit. */
    public static String hexShard(int shard) {
        return Integer.toHexString(shard);
    }

    /**
     * How far the move of the previous release's hourly checks into the 16 shards has come:
     * {@code DUE#MIGRATION} / {@code HOURLY} (no hour nor hex digit spells {@code MIGRATION}).
     */
    public static Map<String, AttributeValue> hourlyChecksMigration() {
        return key("DUE#MIGRATION", "HOURLY");
    }

    /**
     * A check the sweep has still to make, in one of 16 partitions by the appointment id's first hex digit,
     * whatever its time: {@code DUE#<hex digit>} / {@code <at>#<appointment>}. It stays until the sweep clears it.
     */
    public static Map<String, AttributeValue> pendingCheck(String appointmentId, String sortKey) {
        return key(pendingChecks(hexShard(appointmentId)), sortKey);
    }

    public static String pendingChecks(String shard) {
        return "DUE#" + shard;
    }

    /** A review of a doctor: {@code REVIEWS#<doctor>} / {@code <ratedAt>#<appointment>}. */
    public static Map<String, AttributeValue> review(String doctorId, String sortKey) {
        return key(doctorReviews(doctorId), sortKey);
    }

    public static String doctorReviews(String doctorId) {
        return "REVIEWS#" + doctorId;
    }

    /** A patient's live reservations (anti-hoarding): {@code ACTIVE#<patient>} / {@code BOOKINGS}. */
    public static Map<String, AttributeValue> activeBookings(String patientId) {
        return key("ACTIVE#" + patientId, "BOOKINGS");
    }

    /** A doctor's booking rules (minimum notice, buffer, instant booking ...): {@code RULES#<doctor>} / {@code BOOKING}. */
    public static Map<String, AttributeValue> bookingRules(String doctorId) {
        return key("RULES#" + doctorId, "BOOKING");
    }

    /** A patient's waitlist entries, the one item that bounds them: {@code WAITER#<patient>} / {@code ENTRIES}. */
    public static Map<String, AttributeValue> waiterEntries(String patientId) {
        return key("WAITER#" + patientId, "ENTRIES");
    }

    /** The partition of a doctor's waitlist, in join order: {@code WAITLIST#<doctor>}. */
    public static String waitlist(String doctorId) {
        return "WAITLIST#" + doctorId;
    }

    /** One entry of a doctor's waitlist: {@code WAITLIST#<doctor>} / {@code <joined at, 13-digit epoch ms>#<entry>}. */
    public static Map<String, AttributeValue> waitlistEntry(String doctorId, String joinOrder) {
        return key(waitlist(doctorId), joinOrder);
    }

    /** An account's appointment-event log: {@code EVENTS#<account>}, sort key {@link #eventPosition}. */
    public static String eventLog(String accountId) {
        return "EVENTS#" + accountId;
    }

    /** One event in an account's log: {@code EVENTS#<account>} / {@code E#<19-digit position>}. */
    public static Map<String, AttributeValue> eventLogEntry(String accountId, long position) {
        return key(eventLog(accountId), eventPosition(position));
    }

    /**
     * The head of an account's event log, outside the log's partition so log queries never meet it:
     * {@code EVENTHEAD#<account>} / {@code HEAD}.
     */
    public static Map<String, AttributeValue> eventLogHead(String accountId) {
        return key("EVENTHEAD#" + accountId, "HEAD");
    }

    public static String eventPosition(long position) {
        return String.format("E#%019d", position);
    }

    /** An appointment whose events await delivery, in one of 16 shards: {@code OUTBOX#<hex digit>} / {@code APPT#<uuid>}. */
    public static Map<String, AttributeValue> outboxEntry(String shard, String appointmentId) {
        return key(outbox(shard), "APPT#" + appointmentId);
    }

    public static String outbox(String shard) {
        return "OUTBOX#" + shard;
    }

    // Records: a patient's files, groups, shares and access log

    /** A health-record file's metadata (the bytes are in the blob store): {@code FILE#<uuid>} / {@code FILE}. */
    public static Map<String, AttributeValue> recordFile(String fileId) {
        return key("FILE#" + fileId, "FILE");
    }

    /** The partition of one patient's record: groups, shares and used bytes: {@code RECORD#<patient uuid>}. */
    public static String record(String patientId) {
        return "RECORD#" + patientId;
    }

    /** A patient's group of files: {@code RECORD#<patient>} / {@code GROUP#<uuid>}. */
    public static Map<String, AttributeValue> recordGroup(String patientId, String groupId) {
        return key(record(patientId), "GROUP#" + groupId);
    }

    /** The bytes a patient's files take: {@code RECORD#<patient>} / {@code USAGE}. */
    public static Map<String, AttributeValue> recordUsage(String patientId) {
        return key(record(patientId), "USAGE");
    }

    /** A share with a doctor: {@code RECORD#<patient>} / {@code GRANT#<doctor uuid>#<grant uuid>}. */
    public static Map<String, AttributeValue> grant(String patientId, String doctorId, String grantId) {
        return key(record(patientId), grantsTo(doctorId) + grantId);
    }

    /** The sort-key prefix of every share in a record, and of those with one doctor. */
    public static final String GRANTS = "GRANT#";

    public static String grantsTo(String doctorId) {
        return GRANTS + doctorId + "#";
    }

    /** GSI1 partition listing a patient's available files by upload time: {@code RECORD#<patient>#FILES}. */
    public static String recordFiles(String patientId) {
        return record(patientId) + "#FILES";
    }

    /** GSI1 partition listing the unrevoked shares with a doctor by expiry: {@code DOCTOR#<uuid>#SHARES}. */
    public static String sharesWith(String doctorId) {
        return "DOCTOR#" + doctorId + "#SHARES";
    }

    /** GSI2 partition of upload intents not completed yet, by expiry; one of 16 shards: {@code UPLOADS#PENDING#<hex digit>}. */
    public static String pendingUploads(String shard) {
        return "UPLOADS#PENDING#" + shard;
    }

    /** GSI2 partition of deleted files' tombstones, by when the sweep finishes them; one of 16 shards: {@code FILES#DELETED#<hex digit>}. */
    public static String deletedFiles(String shard) {
        return "FILES#DELETED#" + shard;
    }

    /** The partition of a patient's append-only access log (sort key: time and entry id): {@code RECORDLOG#<patient>}. */
    public static String accessLog(String patientId) {
        return "RECORDLOG#" + patientId;
    }

    /** One access-log entry: {@code RECORDLOG#<patient>} / {@code <fixed-width instant>#<entry uuid>}. */
    public static Map<String, AttributeValue> accessLogEntry(String patientId, String position) {
        return key(accessLog(patientId), position);
    }

    /**
     * One caller's count of failed record look-ups in one window, for the access log's flood control:
     * {@code RECORDREFUSALS#<caller>} / {@code <fixed-width window start>}.
     */
    public static Map<String, AttributeValue> recordRefusals(String caller, String windowStart) {
        return key("RECORDREFUSALS#" + caller, windowStart);
    }

    // Directory

    /** A doctor's directory profile and rating totals: {@code DIRECTORY#<uuid>} / {@code PROFILE}. */
    public static Map<String, AttributeValue> doctorProfile(String doctorId) {
        return key("DIRECTORY#" + doctorId, "PROFILE");
    }

    /**
     * GSI2 partition of doctor profiles whose listings a save or a withdrawal has not finished writing, by when
     * it began; one of 16 shards: {@code DIRECTORY#PENDING#<hex digit>}.
     */
    public static String pendingListings(String shard) {
        return "DIRECTORY#PENDING#" + shard;
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
