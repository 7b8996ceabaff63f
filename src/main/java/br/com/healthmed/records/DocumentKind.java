package br.com.healthmed.records;

/** What a document a doctor issues into the patient's record is. */
public enum DocumentKind {
    PRESCRIPTION(FileCategory.PRESCRIPTION),
    CERTIFICATE(FileCategory.OTHER),
    EXAM_REQUEST(FileCategory.EXAM),
    REPORT(FileCategory.REPORT);

    private final FileCategory category;

    DocumentKind(FileCategory category) {
        this.category = category;
    }

    /** How it is filed among the record's files (the category filter of {@code files}). */
    public FileCategory category() {
        return category;
    }
}
