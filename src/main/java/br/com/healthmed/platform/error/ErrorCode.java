package br.com.healthmed.platform.error;

import org.springframework.graphql.execution.ErrorType;

/**
 * Every {@code extensions.code} a client can receive. The names are part of the API: front-end code
 * switches on them, so a constant is never renamed, only added. docs/api.md lists them all, each with its
 * description as its "when" column ({@code ErrorCodeDocumentationTest} keeps the two the same).
 */
public enum ErrorCode {

    // Input
    BAD_USER_INPUT(ErrorType.BAD_REQUEST, "An argument failed validation; extensions.field names it."),
    INVALID_EMAIL(ErrorType.BAD_REQUEST, "Not a valid e-mail address."),
    INVALID_CPF(ErrorType.BAD_REQUEST, "Not a valid CPF (11 digits with correct check digits; all-equal digits are refused)."),
    INVALID_CRM(ErrorType.BAD_REQUEST, "Not a valid CRM: 4 to 10 digits, /, one of the 27 UF codes, e.g. 123456/SP."),
    INVALID_PHONE(ErrorType.BAD_REQUEST, "Not a valid phone number."),
    INVALID_BIRTH_DATE(ErrorType.BAD_REQUEST, "Birth date not in the past, or more than 130 years ago."),
    INVALID_PASSWORD(ErrorType.BAD_REQUEST, "Password shorter than 8 or longer than 128 characters."),
    COMMON_PASSWORD(ErrorType.BAD_REQUEST, "Password is one of the 1,000 most common ones."),
    UNKNOWN_SPECIALTY(ErrorType.BAD_REQUEST, "A specialty code not in specialties."),

    // Uniqueness
    // registerPatient answers neither (its answer is the same for every case, docs/security.md); EMAIL_TAKEN is
    // confirmEmailChange's alone (with the code from the address's mailbox), CPF_TAKEN only the service's own registration path.
    EMAIL_TAKEN(ErrorType.BAD_REQUEST, "Another account uses this e-mail: confirmEmailChange alone, with the code sent to that address (never requestEmailChange nor registerPatient, whose answers are the same whether an address is taken or not)."),
    CPF_TAKEN(ErrorType.BAD_REQUEST, "An account with this CPF exists. Not answered by the API (registerPatient tells the address by e-mail instead); kept for the service's own registration path."),
    CRM_TAKEN(ErrorType.BAD_REQUEST, "A doctor with this CRM exists."),

    // Authentication
    INVALID_CREDENTIALS(ErrorType.UNAUTHORIZED, "Login or password wrong (the same answer, after the same work, whether the account exists or not)."),
    TOO_MANY_ATTEMPTS(ErrorType.FORBIDDEN, "Too many failed logins or wrong passwords (per login and per address), wrong e-mail codes (5 per address and network, 100 per address, 50 per network in 15 minutes), or codes sent (5 per account an hour); extensions.retryAfterSeconds says when to retry."),
    INVALID_REFRESH_TOKEN(ErrorType.UNAUTHORIZED, "Refresh token unknown, expired, revoked or already used: log in again."),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED, "The operation needs a valid access token."),
    TOKEN_EXPIRED(ErrorType.UNAUTHORIZED, "The access token expired: call refreshSession."),
    SESSION_REVOKED(ErrorType.UNAUTHORIZED, "The access token's session was ended (logout, refresh-token reuse, or for security), on whichever instance: log in again (see docs/security-sessions.md)."),
    NOT_FOUND(ErrorType.NOT_FOUND, "No such object, or not one the caller may see."),

    // Account self-service
    VERIFICATION_CODE_INVALID(ErrorType.BAD_REQUEST, "The e-mail code is not the one the account waits for: mistyped, replaced by a newer one, or another account's (the answer is the same for all). See docs/account.md."),
    VERIFICATION_CODE_EXPIRED(ErrorType.BAD_REQUEST, "The account's own code, but older than 30 minutes: ask for a new one (resendVerification, or requestEmailChange again)."),
    VERIFICATION_CODE_USED(ErrorType.BAD_REQUEST, "The code was already used; me shows whether it took effect."),
    EMAIL_ALREADY_VERIFIED(ErrorType.BAD_REQUEST, "resendVerification for an address already verified: nothing to send."),
    EMAIL_NOT_VERIFIED(ErrorType.FORBIDDEN, "A session of a patient whose e-mail is not verified (one from before e-mail verification existed: the password opens none until it is) may browse, but not book (bookAppointment) or share record files (shareRecord): verify it first."),

    // Passwords and two-factor login
    INVALID_RESET_TOKEN(ErrorType.BAD_REQUEST, "resetPassword with a token this service did not issue as a password-reset token (nothing about any account is said)."),
    RESET_TOKEN_EXPIRED(ErrorType.BAD_REQUEST, "The password-reset token is older than 30 minutes: ask for a new e-mail (requestPasswordReset)."),
    RESET_TOKEN_USED(ErrorType.BAD_REQUEST, "The password-reset token was used already, or the password changed since it was sent (a newer reset, changePassword): ask for a new e-mail."),
    INVALID_CHALLENGE(ErrorType.UNAUTHORIZED, "completeLogin's challenge, or an enrolment ticket, is unknown, expired (5 and 10 minutes) or used: log in again."),
    INVALID_TWO_FACTOR_CODE(ErrorType.UNAUTHORIZED, "The authenticator code or recovery code is wrong, or from more than one 30-second step away (check the phone's clock). Throttled like passwords."),
    TWO_FACTOR_CODE_USED(ErrorType.BAD_REQUEST, "A right authenticator code of a step already used (a replay, or the same code sent twice): wait for the next code."),
    TWO_FACTOR_ENROLMENT_REQUIRED(ErrorType.FORBIDDEN, "A doctor's login with the right password while two-factor login is mandatory for doctors and not set up: no tokens; extensions.enrolmentTicket (secret, 10 minutes) goes to beginTwoFactorEnrolment and confirmTwoFactorEnrolment, which returns the tokens (extensions.expiresAt)."),
    TWO_FACTOR_ALREADY_ENABLED(ErrorType.BAD_REQUEST, "beginTwoFactorEnrolment while two-factor login is on: turn it off first (disableTwoFactor) to move to a new device."),
    TWO_FACTOR_NOT_ENABLED(ErrorType.BAD_REQUEST, "disableTwoFactor for an account without two-factor login."),
    TWO_FACTOR_ENROLMENT_NOT_STARTED(ErrorType.BAD_REQUEST, "confirmTwoFactorEnrolment without a pending enrolment, or for a secret replaced by a newer beginTwoFactorEnrolment."),

    // Consent
    CONSENT_REQUIRED(ErrorType.FORBIDDEN, "The patient has not accepted the teleconsultation consent (TCLE) in force, or withdrew it: bookAppointment is refused, and Meeting.joinUrl answers this error instead of the link. Read teleconsultationConsent, accept extensions.version (docs/account-security.md)."),
    CONSENT_VERSION_OUTDATED(ErrorType.BAD_REQUEST, "acceptTeleconsultationConsent of a version that is not the one in force (the client showed an old text); extensions.currentVersion is the one to show and accept."),

    // Request shape
    MALFORMED_REQUEST(ErrorType.BAD_REQUEST, "The HTTP request is not a GraphQL request: unreadable JSON, wrong method or media type (HTTP 4xx), or a subscription sent over HTTP instead of WebSocket."),
    GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST, "The document is not valid GraphQL."),
    GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST, "The document or its variables do not match the schema."),
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST, "The operation nests deeper than 15 levels (fragments expanded, introspection included)."),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST, "The operation selects more than 300 fields (aliases and every fragment spread count, introspection included), has more than 1,000 selections once its fragments are expanded (__typename and spreads count here, all operations of the document together), defines more than 100 fragments, or has more than one password-checking field. Checked before validation, in time linear in the document."),
    REQUEST_BUDGET_EXCEEDED(ErrorType.BAD_REQUEST, "The request ran longer than 5 s or used more than 2 s of processor time (healthmed.graphql.budget.*) and was stopped before its remaining fields were fetched: ask for less, or retry later."),
    REQUEST_ABANDONED(ErrorType.BAD_REQUEST, "The client closed its connection while the request ran, so its remaining fields were not fetched (docs/reliability.md, \"Abandoned requests\"). Seen only by a client that half-closes its side of the connection after sending."),

    // Scheduling
    INVALID_DATE_RANGE(ErrorType.BAD_REQUEST, "A period that ends before it starts, is too long for one call (31 days for agendas), or reaches past the 90-day publishing horizon; extensions.field names it."),
    SLOT_OVERLAP(ErrorType.BAD_REQUEST, "A slot would overlap another slot of the same doctor; extensions.slotId, start and end name the one in the way. Nothing of the request was published."),
    SLOT_HAS_APPOINTMENT(ErrorType.BAD_REQUEST, "The slot has an active appointment, so it cannot be moved, removed or blocked: reject or cancel the appointment first."),
    SLOT_UNAVAILABLE(ErrorType.BAD_REQUEST, "The slot was taken by someone else, or has already started: choose another."),
    BOOKING_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already holds an upcoming appointment with this doctor (extensions.limit = ONE_PER_DOCTOR), or the most upcoming appointments allowed (MAX_ACTIVE, with maxActive)."),
    RATE_LIMITED(ErrorType.FORBIDDEN, "Too many new booking requests from this account, network or device recently (extensions.limit: PER_ACCOUNT, PER_NETWORK, PER_DEVICE, PER_NETWORK_PER_DOCTOR, PER_DEVICE_PER_DOCTOR); extensions.retryAfterSeconds says when to try again. See docs/abuse-limits.md."),
    IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST, "The idempotency key was already used for another request: a booking of another slot, or a share, upload or group with other input (or an upload whose URL has expired); a new request needs a new key."),
    INVALID_APPOINTMENT_STATE(ErrorType.BAD_REQUEST, "The appointment's status does not allow this (e.g. accepting a cancelled request); extensions.currentStatus says what it is."),
    BOOKING_NOTICE_TOO_SHORT(ErrorType.BAD_REQUEST, "The slot starts sooner than the doctor's minimum notice (bookingRules.minimumNoticeMinutes) for bookings, reschedules and waitlist offers; extensions.minimumNoticeMinutes."),
    BOOKING_TOO_FAR_AHEAD(ErrorType.BAD_REQUEST, "The slot starts further ahead than the doctor takes bookings (bookingRules.maximumAdvanceDays); extensions.maximumAdvanceDays."),
    SLOT_OF_ANOTHER_DOCTOR(ErrorType.BAD_REQUEST, "rescheduleAppointment / proposeNewTime to a slot of another doctor: an appointment moves only within its doctor's agenda."),
    SLOT_WITHIN_BUFFER(ErrorType.BAD_REQUEST, "A new slot would start or end closer to another of the doctor's slots than their buffer (bookingRules.bufferMinutes); extensions.slotId, bufferMinutes. Nothing of the request was published."),
    MOVE_IN_PROGRESS(ErrorType.BAD_REQUEST, "Another reschedule of this appointment is under way, or the doctor's proposed time awaits the patient's answer (extensions.proposal: true): answer it, or retry after extensions.retryAfterSeconds."),
    TOO_MANY_MOVES(ErrorType.BAD_REQUEST, "rescheduleAppointment / proposeNewTime on an appointment already moved or proposed 20 times (each is a step of its history, which must stay small); extensions.maxMoves. Cancel and book again."),
    NO_PENDING_PROPOSAL(ErrorType.BAD_REQUEST, "respondToProposedTime on an appointment without a proposed time waiting (already answered, or withdrawn when it lapsed)."),
    WAITLIST_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already waits for 3 doctors (healthmed.scheduling.waitlist.max-per-patient); extensions.maxEntries."),
    WAITLIST_DUPLICATE(ErrorType.BAD_REQUEST, "The patient already waits for this doctor (one entry per doctor): leaveWaitlist first to wait for another period."),
    INVALID_WAITLIST_WINDOW(ErrorType.BAD_REQUEST, "joinWaitlist with a period that has ended, ends before it starts, covers more than 31 days or reaches past the 90-day horizon; extensions.field."),
    WRONG_ROLE(ErrorType.FORBIDDEN, "The operation is for the other kind of account (only doctors publish slots and accept, only patients book and rate)."),

    // Records
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

    // Clinical record (notes and documents doctors write)
    UNKNOWN_ICD10_CODE(ErrorType.BAD_REQUEST, "A code of icd10Codes that is not a category of the bundled CID-10 list (or a subcategory of one); extensions.field and extensions.icd10Code name it. Nothing is stored."),
    CLINICAL_WRITE_WINDOW_CLOSED(ErrorType.BAD_REQUEST, "A note or document for a consultation that has not started yet, or whose window (7 days after its end, healthmed.records.clinical.write-window) has closed; extensions.opensAt, closesAt."),
    CONSULTATION_NOTE_EXISTS(ErrorType.BAD_REQUEST, "The consultation already has a note (extensions.noteId, currentVersion): amend it. Sending the very same note again returns it instead."),
    NOTE_VERSION_CONFLICT(ErrorType.BAD_REQUEST, "amendConsultationNote from a baseVersion that is no longer the newest (someone amended it meanwhile); extensions.currentVersion."),
    CLINICAL_RECORD_READ_ONLY(ErrorType.BAD_REQUEST, "renameFile or deleteFile on a document a doctor issued: it stays as issued (it can still be grouped and shared)."),
    TOO_MANY_DOCUMENTS(ErrorType.BAD_REQUEST, "The consultation already has 20 issued documents (extensions.maxDocuments)."),

    // Directory
    INVALID_COORDINATES(ErrorType.BAD_REQUEST, "Coordinates off the globe or incomplete: latitude −90 to 90 and longitude −180 to 180, both given."),
    INVALID_RADIUS(ErrorType.BAD_REQUEST, "radiusKm not more than 0 or more than 100."),
    INVALID_PRICE(ErrorType.BAD_REQUEST, "A price in BRL that is not more than 0, over 100000.00, or has more than 2 decimal places."),
    INVALID_TIME_ZONE(ErrorType.BAD_REQUEST, "Not an IANA region id such as America/Sao_Paulo (fixed offsets like -03:00 are refused)."),
    INVALID_CONSULTATION_DURATION(ErrorType.BAD_REQUEST, "Consultation duration outside 10 to 240 minutes."),
    EVENTS_EXPIRED(ErrorType.BAD_REQUEST, "appointmentEvents(after:) names an event older than the retention (healthmed.events.retention, 7 days): refetch myAppointments, then subscribe without after (docs/events.md)."),
    INVALID_CURSOR(ErrorType.BAD_REQUEST, "after was not returned by this same search (filter and sort); search again without it."),
    GEOCODING_UNAVAILABLE(ErrorType.BAD_REQUEST, "A search by near.address, but no geocoder is configured: give latitude and longitude."),
    ADDRESS_NOT_FOUND(ErrorType.BAD_REQUEST, "The geocoder found no place in Brazil for the address."),
    GEOCODING_FAILED(ErrorType.INTERNAL_ERROR, "The geocoding service failed; retry later or give coordinates."),
    GEOCODING_BUSY(ErrorType.INTERNAL_ERROR, "The geocoding service throttled us (after retries); retry after extensions.retryAfterSeconds."),

    // Privacy (LGPD)
    ACCOUNT_DEACTIVATED(ErrorType.FORBIDDEN, "Login of an account its owner deactivated (answered only after the right password); extensions.reactivableUntil says until when reactivateAccount brings it back, reactivable whether that is still so (docs/privacy.md)."),
    ACCOUNT_NOT_DEACTIVATED(ErrorType.BAD_REQUEST, "reactivateAccount for an account that is active: log in as usual."),
    REACTIVATION_PERIOD_ENDED(ErrorType.FORBIDDEN, "reactivateAccount after the grace (healthmed.lgpd.deactivation-grace, 30 days): the account is anonymised; register again."),
    DATA_EXPORT_RUNNING(ErrorType.BAD_REQUEST, "requestDataExport while a copy of the caller's data is being prepared; extensions.exportId names it."),
    DATA_EXPORT_EXPIRED(ErrorType.BAD_REQUEST, "downloadUrl of a copy whose 7 days are over (it was deleted); request a new one."),

    STORAGE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "DynamoDB (or S3) did not answer within its timeout, failed, or is paused by the circuit breaker after failing: retry after extensions.retryAfterSeconds (docs/reliability.md). For appointmentEvents, the caller's event log could not be read several times in a row: the subscription ends; subscribe again with after: the last id received (docs/events.md)."),
    SERVICE_BUSY(ErrorType.INTERNAL_ERROR, "Too much work in progress: password checks (deliberately slow), or as many DynamoDB calls as the connection pool holds; retry after extensions.retryAfterSeconds."),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, "Our failure; quote extensions.correlationId.");

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
