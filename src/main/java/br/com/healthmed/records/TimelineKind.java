package br.com.healthmed.records;

/** What a timeline entry is. */
public enum TimelineKind {
    /** A file the patient uploaded. */
    FILE,
    /** A document a doctor issued (prescription, certificate, exam request, report). */
    DOCUMENT,
    /** A consultation note. */
    NOTE
}
