package br.com.healthmed.records;

/** What an access-log entry records. */
public enum AccessAction {
    UPLOAD,
    DOWNLOAD_URL_ISSUED,
    SHARE,
    REVOKE,
    ACCESS_REFUSED,
    /** A doctor wrote the consultation note of one of the patient's consultations. */
    NOTE_WRITTEN,
    /** A doctor amended a consultation note (a new version). */
    NOTE_AMENDED,
    /** Someone read a consultation note (the patient, its doctor, or a doctor under a share). */
    NOTE_READ,
    /** A doctor issued a document (prescription, certificate, exam request, report) into the record. */
    DOCUMENT_ISSUED,
    /** The patient asked for a copy of all their data (LGPD art. 18 II and V); it includes the record. */
    DATA_EXPORT_REQUESTED,
    /** A download URL of that copy was issued. */
    DATA_EXPORT_DOWNLOADED
}
