package br.com.healthmed.records;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the records module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 */
public enum RecordsErrors implements ErrorCode {

    FILE_TOO_LARGE(ErrorType.BAD_REQUEST, "The file is larger than healthmed.records.max-file-size (50 MB); extensions.maxBytes says the limit."),
    UNSUPPORTED_FILE_TYPE(ErrorType.BAD_REQUEST, "A content type the record does not accept; extensions.allowed lists those it does."),
    QUOTA_EXCEEDED(ErrorType.BAD_REQUEST, "The file does not fit in the patient's quota (2 GB) beside the completed files and the uploads in progress (held from requestFileUpload on); extensions.quotaBytes, usedBytes and reservedBytes."),
    TOO_MANY_PENDING_UPLOADS(ErrorType.BAD_REQUEST, "The patient already has 20 uploads in progress (healthmed.records.max-pending-uploads); complete or cancel one (cancelFileUpload) first."),
    UPLOAD_INCOMPLETE(ErrorType.BAD_REQUEST, "completeFileUpload before the bytes were PUT to the upload URL: upload them, then complete again."),
    UPLOAD_ALREADY_COMPLETED(ErrorType.BAD_REQUEST, "requestFileUpload sent again (same idempotencyKey, same input) after that upload was completed: the file is in the record, extensions.fileId names it; no new upload URL is given (its bytes were checked and may not be replaced)."),
    UPLOAD_MISMATCH(ErrorType.BAD_REQUEST, "The stored bytes are not what was announced (size, type, or first bytes: a JPEG declared as PDF); the upload is discarded."),
    PENDING_SCAN(ErrorType.BAD_REQUEST, "The file has not been checked for malware yet (scanStatus: PENDING_SCAN): no download URL, and it cannot be shared file by file yet. Retry after extensions.retryAfterSeconds."),
    MALWARE_DETECTED(ErrorType.BAD_REQUEST, "The malware scan found a threat in the file (scanStatus: MALWARE_DETECTED): it is never served or shared; delete it."),
    FILE_NOT_SCANNED(ErrorType.BAD_REQUEST, "The file could not be checked for malware (extensions.scanStatus: NOT_SCANNABLE, e.g. password-protected, or SCAN_FAILED), so it is not served or shared."),
    TOO_MANY_REFUSALS(ErrorType.FORBIDDEN, "More than 20 requests in 10 minutes for files that are not the caller's or do not exist (NOT_FOUND); until the window ends every such request gets this code instead, and nothing more is added to anyone's access log. extensions.retryAfterSeconds says when to try again."),
    INVALID_SHARE(ErrorType.BAD_REQUEST, "A share without files, groups, allFiles, allNotes or appointmentIds, or whose expiry is not in the future and within 365 days."),
    UNKNOWN_ICD10_CODE(ErrorType.BAD_REQUEST, "A code of icd10Codes that is not a category of the bundled CID-10 list (or a subcategory of one); extensions.field and extensions.icd10Code name it. Nothing is stored."),
    CLINICAL_WRITE_WINDOW_CLOSED(ErrorType.BAD_REQUEST, "A note or document for a consultation that has not started yet, or whose window (7 days after its end, healthmed.records.clinical.write-window) has closed; extensions.opensAt, closesAt."),
    CONSULTATION_NOTE_EXISTS(ErrorType.BAD_REQUEST, "The consultation already has a note (extensions.noteId, currentVersion): amend it. Sending the very same note again returns it instead."),
    NOTE_VERSION_CONFLICT(ErrorType.BAD_REQUEST, "amendConsultationNote from a baseVersion that is no longer the newest (someone amended it meanwhile); extensions.currentVersion."),
    CLINICAL_RECORD_READ_ONLY(ErrorType.BAD_REQUEST, "renameFile or deleteFile on a document a doctor issued: it stays as issued (it can still be grouped and shared)."),
    TOO_MANY_DOCUMENTS(ErrorType.BAD_REQUEST, "The consultation already has 20 issued documents (extensions.maxDocuments).");

    private final ErrorType errorType;
    private final String description;

    RecordsErrors(ErrorType errorType, String description) {
        this.errorType = errorType;
        this.description = description;
    }

    @Override
    public ErrorType errorType() {
        return errorType;
    }

    @Override
    public String description() {
        return description;
    }
}
