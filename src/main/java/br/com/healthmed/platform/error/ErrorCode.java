package br.com.healthmed.platform.error;

import org.springframework.graphql.execution.ErrorType;

/**
 * Every {@code extensions.code} a client can receive. The names are part of the API: front-end code
 * switches on them, so a constant is never renamed, only added. The README lists them all.
 */
public enum ErrorCode {

    // Input
    BAD_USER_INPUT(ErrorType.BAD_REQUEST, "An argument failed validation; extensions.field names it."),
    INVALID_EMAIL(ErrorType.BAD_REQUEST, "Not a valid e-mail address."),
    INVALID_CPF(ErrorType.BAD_REQUEST, "Not a valid CPF (11 digits with correct check digits)."),
    INVALID_CRM(ErrorType.BAD_REQUEST, "Not a valid CRM: 4 to 10 digits, '/', one of the 27 UF codes, e.g. 123456/SP."),
    INVALID_PHONE(ErrorType.BAD_REQUEST, "Not a valid phone number."),
    INVALID_BIRTH_DATE(ErrorType.BAD_REQUEST, "Birth date must be in the past and at most 130 years ago."),
    INVALID_PASSWORD(ErrorType.BAD_REQUEST, "Password must have 8 to 128 characters."),
    COMMON_PASSWORD(ErrorType.BAD_REQUEST, "Password is among the most common ones; choose another."),
    UNKNOWN_SPECIALTY(ErrorType.BAD_REQUEST, "A specialty code that is not in the specialties list."),

    // Uniqueness
    // registerPatient answers neither (its answer is the same for every case, docs/security.md); EMAIL_TAKEN is
    // confirmEmailChange's alone (with the code from the address's mailbox), CPF_TAKEN only the service's own registration path.
    EMAIL_TAKEN(ErrorType.BAD_REQUEST, "An account with this e-mail already exists."),
    CPF_TAKEN(ErrorType.BAD_REQUEST, "An account with this CPF already exists."),
    CRM_TAKEN(ErrorType.BAD_REQUEST, "A doctor with this CRM already exists."),

    // Authentication
    INVALID_CREDENTIALS(ErrorType.UNAUTHORIZED, "Login or password is wrong (the same answer whether the account exists or not)."),
    TOO_MANY_ATTEMPTS(ErrorType.FORBIDDEN, "Too many failed logins, wrong codes or codes sent; extensions.retryAfterSeconds says when to try again."),
    INVALID_REFRESH_TOKEN(ErrorType.UNAUTHORIZED, "Refresh token unknown, expired, revoked or already used; log in again."),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED, "This operation needs a valid access token (Authorization: Bearer ...)."),
    TOKEN_EXPIRED(ErrorType.UNAUTHORIZED, "The access token has expired; call refreshSession."),
    SESSION_REVOKED(ErrorType.UNAUTHORIZED, "The access token's session was ended (logout, a refresh token used twice, or for security); log in again."),
    NOT_FOUND(ErrorType.NOT_FOUND, "No such object, or not one the caller may see."),

    // Account self-service
    VERIFICATION_CODE_INVALID(ErrorType.BAD_REQUEST, "The code is not the one the account is waiting for (mistyped, replaced by a newer one, or another account's)."),
    VERIFICATION_CODE_EXPIRED(ErrorType.BAD_REQUEST, "The code is the account's but older than 30 minutes; ask for a new one."),
    VERIFICATION_CODE_USED(ErrorType.BAD_REQUEST, "The code was already used (me shows whether it took effect)."),
    EMAIL_ALREADY_VERIFIED(ErrorType.BAD_REQUEST, "The account's e-mail address is already verified; there is nothing to send."),
    EMAIL_NOT_VERIFIED(ErrorType.FORBIDDEN, "Verify your e-mail address first (verifyEmail with the code sent there, or resendVerification): until then a patient may not book or share record files."),

    // Passwords and two-factor login
    INVALID_RESET_TOKEN(ErrorType.BAD_REQUEST, "Not a password-reset token this service issued; ask for a new e-mail (requestPasswordReset)."),
    RESET_TOKEN_EXPIRED(ErrorType.BAD_REQUEST, "The password-reset token is older than 30 minutes; ask for a new e-mail."),
    RESET_TOKEN_USED(ErrorType.BAD_REQUEST, "The password-reset token was already used, or the password changed since it was sent; ask for a new e-mail."),
    INVALID_CHALLENGE(ErrorType.UNAUTHORIZED, "The login challenge or enrolment ticket is unknown, expired or already used; log in again."),
    INVALID_TWO_FACTOR_CODE(ErrorType.UNAUTHORIZED, "The authenticator or recovery code is wrong (or from too far in the past or future: check the device's clock)."),
    TWO_FACTOR_CODE_USED(ErrorType.BAD_REQUEST, "This authenticator code was already used; wait for the next one (every 30 seconds)."),
    TWO_FACTOR_ENROLMENT_REQUIRED(ErrorType.FORBIDDEN, "Doctors must use two-factor login: enrol with extensions.enrolmentTicket (beginTwoFactorEnrolment, then confirmTwoFactorEnrolment, which logs in) before extensions.expiresAt."),
    TWO_FACTOR_ALREADY_ENABLED(ErrorType.BAD_REQUEST, "Two-factor login is already on for this account; turn it off first to enrol a new device."),
    TWO_FACTOR_NOT_ENABLED(ErrorType.BAD_REQUEST, "Two-factor login is not on for this account."),
    TWO_FACTOR_ENROLMENT_NOT_STARTED(ErrorType.BAD_REQUEST, "No enrolment is waiting for a code (or it was restarted with a new secret); call beginTwoFactorEnrolment."),

    // Consent
    CONSENT_REQUIRED(ErrorType.FORBIDDEN, "The patient has not accepted the current teleconsultation consent (TCLE); read teleconsultationConsent and accept it (extensions.version)."),
    CONSENT_VERSION_OUTDATED(ErrorType.BAD_REQUEST, "The consent version accepted is not the current one; read teleconsultationConsent again (extensions.currentVersion)."),

    // Request shape
    MALFORMED_REQUEST(ErrorType.BAD_REQUEST, "The HTTP request is not a GraphQL request (unreadable JSON, wrong method or media type, a subscription over HTTP)."),
    GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST, "The document is not valid GraphQL syntax."),
    GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST, "The document or its variables do not match the schema."),
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST, "The query nests deeper than the allowed depth."),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST, "The query selects more fields than allowed, more selections once its fragments are expanded, or more than one password-checking field."),
    REQUEST_BUDGET_EXCEEDED(ErrorType.BAD_REQUEST, "The request ran past its time or processor budget and was stopped; ask for fewer objects or fields, or retry later."),
    REQUEST_ABANDONED(ErrorType.BAD_REQUEST, "The client closed the connection while the request ran, so it was stopped."),

    // Scheduling
    INVALID_DATE_RANGE(ErrorType.BAD_REQUEST, "A period that ends before it starts, is too long for one call, or reaches past the publishing horizon; extensions.field names it."),
    SLOT_OVERLAP(ErrorType.BAD_REQUEST, "A slot would overlap another slot of the same doctor; extensions.slotId, start and end name the one in the way."),
    SLOT_HAS_APPOINTMENT(ErrorType.BAD_REQUEST, "The slot has an active appointment, so it cannot be moved, removed or blocked."),
    SLOT_UNAVAILABLE(ErrorType.BAD_REQUEST, "The slot was taken by someone else, or has already started; choose another."),
    BOOKING_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already holds an upcoming appointment with this doctor, or the most upcoming appointments allowed; extensions.limit says which."),
    RATE_LIMITED(ErrorType.FORBIDDEN, "Too many booking requests from this account, network or device recently; extensions.limit says which, extensions.retryAfterSeconds when to try again."),
    IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST, "The idempotency key was already used for another request: a booking of another slot, or a share, upload or group with other input (or an upload whose URL has expired); a new request needs a new key."),
    INVALID_APPOINTMENT_STATE(ErrorType.BAD_REQUEST, "The appointment's current status does not allow this; extensions.currentStatus says what it is."),
    BOOKING_NOTICE_TOO_SHORT(ErrorType.BAD_REQUEST, "The slot starts sooner than the doctor's minimum notice for bookings and reschedules; extensions.minimumNoticeMinutes says how much."),
    BOOKING_TOO_FAR_AHEAD(ErrorType.BAD_REQUEST, "The slot starts further ahead than the doctor takes bookings; extensions.maximumAdvanceDays says how far."),
    SLOT_OF_ANOTHER_DOCTOR(ErrorType.BAD_REQUEST, "An appointment moves only to another slot of its own doctor."),
    SLOT_WITHIN_BUFFER(ErrorType.BAD_REQUEST, "A new slot would be closer to another slot than the doctor's buffer; extensions.slotId names it, bufferMinutes the buffer."),
    MOVE_IN_PROGRESS(ErrorType.BAD_REQUEST, "Another change of time of this appointment is under way (or the doctor's proposal awaits an answer); extensions.retryAfterSeconds says when to retry."),
    TOO_MANY_MOVES(ErrorType.BAD_REQUEST, "The appointment has been moved or had times proposed the most times one appointment may (extensions.maxMoves); cancel it and book again."),
    NO_PENDING_PROPOSAL(ErrorType.BAD_REQUEST, "The appointment has no proposed time waiting for an answer."),
    WAITLIST_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already waits for the most doctors allowed; extensions.maxEntries says how many."),
    WAITLIST_DUPLICATE(ErrorType.BAD_REQUEST, "The patient already waits for this doctor; leave that entry first to wait for another period."),
    INVALID_WAITLIST_WINDOW(ErrorType.BAD_REQUEST, "A waitlist period that is past, ends before it starts, is too long or reaches past the publishing horizon; extensions.field names it."),
    WRONG_ROLE(ErrorType.FORBIDDEN, "The operation is for the other kind of account (e.g. only doctors publish slots, only patients book)."),

    // Records
    FILE_TOO_LARGE(ErrorType.BAD_REQUEST, "The file is larger than allowed; extensions.maxBytes says the limit."),
    UNSUPPORTED_FILE_TYPE(ErrorType.BAD_REQUEST, "Files of this content type are not accepted; extensions.allowed lists those that are."),
    QUOTA_EXCEEDED(ErrorType.BAD_REQUEST, "The patient's storage quota would be exceeded, counting uploads in progress; extensions.quotaBytes, usedBytes and reservedBytes say by how much."),
    TOO_MANY_PENDING_UPLOADS(ErrorType.BAD_REQUEST, "The patient has the most uploads in progress allowed; complete or cancel one first (extensions.maxPendingUploads)."),
    UPLOAD_INCOMPLETE(ErrorType.BAD_REQUEST, "No bytes have been stored for this upload yet; PUT them to the upload URL, then complete again."),
    UPLOAD_ALREADY_COMPLETED(ErrorType.BAD_REQUEST, "A requestFileUpload sent again after its upload was completed: the file is in the record (extensions.fileId); no new upload URL is given."),
    UPLOAD_MISMATCH(ErrorType.BAD_REQUEST, "The stored bytes do not match the upload request (size, type or first bytes); the upload was discarded."),
    PENDING_SCAN(ErrorType.BAD_REQUEST, "The file has not been checked for malware yet, so it is not served or shared; retry after extensions.retryAfterSeconds."),
    MALWARE_DETECTED(ErrorType.BAD_REQUEST, "The file was found to contain malware: it is never served or shared (its scanStatus says so)."),
    FILE_NOT_SCANNED(ErrorType.BAD_REQUEST, "The file could not be checked for malware (extensions.scanStatus: NOT_SCANNABLE or SCAN_FAILED), so it is not served or shared."),
    TOO_MANY_REFUSALS(ErrorType.FORBIDDEN, "Too many requests for files that are not the caller's or do not exist in a short time; extensions.retryAfterSeconds says when to try again."),
    INVALID_SHARE(ErrorType.BAD_REQUEST, "A share needs at least one file, group, allFiles, allNotes or appointment, and an expiry in the future within the allowed maximum."),

    // Clinical record (notes and documents doctors write)
    UNKNOWN_ICD10_CODE(ErrorType.BAD_REQUEST, "A code that is not in the bundled CID-10 list; extensions.field and extensions.icd10Code name it."),
    CLINICAL_WRITE_WINDOW_CLOSED(ErrorType.BAD_REQUEST, "A consultation's record can be written from its start until the configured time after its end; extensions.opensAt and closesAt say when."),
    CONSULTATION_NOTE_EXISTS(ErrorType.BAD_REQUEST, "The consultation already has a note; amend it (extensions.noteId, currentVersion)."),
    NOTE_VERSION_CONFLICT(ErrorType.BAD_REQUEST, "The note was amended since the version the amendment was made from; read it again (extensions.currentVersion)."),
    CLINICAL_RECORD_READ_ONLY(ErrorType.BAD_REQUEST, "A document a doctor issued stays in the record as issued: it cannot be renamed or deleted."),
    TOO_MANY_DOCUMENTS(ErrorType.BAD_REQUEST, "The consultation has the most issued documents allowed (extensions.maxDocuments)."),

    // Directory
    INVALID_COORDINATES(ErrorType.BAD_REQUEST, "Coordinates off the globe or incomplete: latitude -90 to 90 and longitude -180 to 180, both given."),
    INVALID_RADIUS(ErrorType.BAD_REQUEST, "Search radius must be more than 0 and at most 100 km."),
    INVALID_PRICE(ErrorType.BAD_REQUEST, "A price in BRL must be more than 0, at most 100000.00, with at most 2 decimal places."),
    INVALID_TIME_ZONE(ErrorType.BAD_REQUEST, "Not an IANA time zone id such as America/Sao_Paulo."),
    INVALID_CONSULTATION_DURATION(ErrorType.BAD_REQUEST, "Consultation duration must be 10 to 240 minutes."),
    EVENTS_EXPIRED(ErrorType.BAD_REQUEST, "The event to resume after is older than the events kept (7 days): read the current state again, then subscribe without after."),
    INVALID_CURSOR(ErrorType.BAD_REQUEST, "The cursor was not returned by this search (same filter and sort); start again without one."),
    GEOCODING_UNAVAILABLE(ErrorType.BAD_REQUEST, "No geocoder is configured: give latitude and longitude instead of an address."),
    ADDRESS_NOT_FOUND(ErrorType.BAD_REQUEST, "The geocoder found no place in Brazil for this address; check it or give coordinates."),
    GEOCODING_FAILED(ErrorType.INTERNAL_ERROR, "The geocoding service failed; retry later or give coordinates."),
    GEOCODING_BUSY(ErrorType.INTERNAL_ERROR, "The geocoding service is throttling requests; retry after extensions.retryAfterSeconds or give coordinates."),

    // Privacy (LGPD)
    ACCOUNT_DEACTIVATED(ErrorType.FORBIDDEN, "The account was deactivated by its owner; within extensions.reactivableUntil the owner may take it back with reactivateAccount."),
    ACCOUNT_NOT_DEACTIVATED(ErrorType.BAD_REQUEST, "reactivateAccount for an account that is active: log in as usual."),
    REACTIVATION_PERIOD_ENDED(ErrorType.FORBIDDEN, "The grace period after the deactivation has ended: the account is being anonymised and cannot come back; register again."),
    DATA_EXPORT_RUNNING(ErrorType.BAD_REQUEST, "A copy of the caller's data is being prepared already; extensions.exportId names it: wait for it."),
    DATA_EXPORT_EXPIRED(ErrorType.BAD_REQUEST, "This copy of the caller's data has expired (7 days after it was ready) and was deleted; request a new one."),

    STORAGE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "Storage did not answer in time or is failing; retry after extensions.retryAfterSeconds (a subscription: with after, to miss nothing)."),
    SERVICE_BUSY(ErrorType.INTERNAL_ERROR, "Too much work in progress to take this request now; extensions.retryAfterSeconds says when to retry."),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, "Something failed on our side; extensions.correlationId identifies it in the logs.");

    private final ErrorType errorType;
    private final String description;

    ErrorCode(ErrorType errorType, String description) {
        this.errorType = errorType;
        this.description = description;
    }

    public ErrorType errorType() {
        return errorType;
    }

    public String description() {
        return description;
    }
}
