package br.com.healthmed.privacy;

/** Where a copy of a person's data stands. */
public enum DataExportStatus {
    /** Being built; at most one per account. */
    PENDING,
    /** Built and downloadable until it expires. */
    READY,
    /** Could not be built after several attempts; request a new one. */
    FAILED,
    /** Was ready, and its time ran out: deleted. */
    EXPIRED
}
