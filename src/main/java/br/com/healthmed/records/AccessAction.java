package br.com.healthmed.records;

/** What an access-log entry records. */
public enum AccessAction {
    UPLOAD,
    DOWNLOAD_URL_ISSUED,
    SHARE,
    REVOKE,
    ACCESS_REFUSED
}
