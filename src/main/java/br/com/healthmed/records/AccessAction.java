package br.com.healthmed.records;

/** What an access-log entry records. */
public enum AccessAction {
    UPLOAD,
    DOWNLOAD_URL_ISSUED,
    SHARE,
    REVOKE,
    ACCESS_REFUSED,
    /** The patient asked for a copy of all their data (LGPD art. 18 II and V); it includes the record. */
    DATA_EXPORT_REQUESTED,
    /** A download URL of that copy was issued. */
    DATA_EXPORT_DOWNLOADED
}
