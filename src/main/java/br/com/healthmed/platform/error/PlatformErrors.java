package br.com.healthmed.platform.error;

import org.springframework.graphql.execution.ErrorType;

/**
 * The codes of the platform itself: raised by its request handling (authentication, query limits, the
 * request budget, storage and load shedding), or shared by several modules for the same generic situation
 * (a role gate, an idempotency key reused, a throttle). Each module declares its own codes in its own enum.
 */
public enum PlatformErrors implements ErrorCode {

    // Input
    BAD_USER_INPUT(ErrorType.BAD_REQUEST, "An argument failed validation; extensions.field names it."),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED, "The operation needs a valid access token."),
    TOKEN_EXPIRED(ErrorType.UNAUTHORIZED, "The access token expired: call refreshSession."),
    SESSION_REVOKED(ErrorType.UNAUTHORIZED, "The access token's session was ended (logout, refresh-token reuse, or for security), on whichever instance: log in again (see docs/security-sessions.md)."),
    NOT_FOUND(ErrorType.NOT_FOUND, "No such object, or not one the caller may see."),
    // Request shape
    MALFORMED_REQUEST(ErrorType.BAD_REQUEST, "The HTTP request is not a well-formed GraphQL request: unreadable JSON, a parameter of the wrong type, a wrong method, content type or Accept (HTTP 400, 405, 415, 406), a mutation sent with GET, or a subscription sent over HTTP instead of WebSocket."),
    REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST, "The request body is larger than 2 MiB (healthmed.graphql.http.max-body-size; HTTP 413): send less, e.g. a list in several requests."),
    GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST, "The document is not valid GraphQL."),
    GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST, "The document or its variables do not match the schema."),
    PERSISTED_QUERY_NOT_FOUND(ErrorType.BAD_REQUEST, "A persisted query (extensions.persistedQuery) sent without its query, whose hash this instance does not know: never registered here, evicted, registered on another instance or before a restart, or, in trusted-documents mode, not in the manifest. The message is PersistedQueryNotFound; send the request again with the query (Apollo's persisted-query link does). See docs/api.md, Persisted queries."),
    PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST, "extensions.persistedQuery.sha256Hash is not the SHA-256 (hex) of the query sent with it: nothing was run and nothing registered."),
    PERSISTED_QUERY_INVALID(ErrorType.BAD_REQUEST, "extensions.persistedQuery is not {\"version\": 1, \"sha256Hash\": \"<hex>\"}: a version other than 1 (the only one of Apollo's protocol) or no hash."),
    OPERATION_NOT_TRUSTED(ErrorType.FORBIDDEN, "Trusted-documents mode is on and the query sent is not one of the manifest's documents: only the operations the released apps were built with run here (docs/api.md, Persisted queries)."),
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST, "The operation nests deeper than 15 levels (fragments expanded, introspection included)."),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST, "The operation selects more than 300 fields (aliases and every fragment spread count, introspection included), has more than 1,000 selections once its fragments are expanded (__typename and spreads count here, all operations of the document together), defines more than 100 fragments, or has more than one password-checking field. Checked before validation, in time linear in the document."),
    REQUEST_BUDGET_EXCEEDED(ErrorType.BAD_REQUEST, "The request ran longer than 5 s or used more than 2 s of processor time (healthmed.graphql.budget.*) and was stopped before its remaining fields were fetched: ask for less, or retry later."),
    REQUEST_ABANDONED(ErrorType.BAD_REQUEST, "The client closed its connection while the request ran, so its remaining fields were not fetched (docs/reliability.md, \"Abandoned requests\"). Seen only by a client that half-closes its side of the connection after sending."),
    EVENTS_EXPIRED(ErrorType.BAD_REQUEST, "appointmentEvents(after:) or clinicalRecordEvents(after:) names an event older than the retention (healthmed.events.retention, 7 days): refetch myAppointments (or myRecord.timeline), then subscribe without after (docs/events.md)."),
    RATE_LIMITED(ErrorType.FORBIDDEN, "Too many new booking requests from this account, network or device recently (extensions.limit: PER_ACCOUNT, PER_NETWORK, PER_DEVICE, PER_NETWORK_PER_DOCTOR, PER_DEVICE_PER_DOCTOR); extensions.retryAfterSeconds says when to try again. See docs/abuse-limits.md."),
    IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST, "The idempotency key was already used for another request: a booking of another slot, or a share, upload or group with other input (or an upload whose URL has expired); a new request needs a new key."),
    WRONG_ROLE(ErrorType.FORBIDDEN, "The operation is for the other kind of account (only doctors publish slots, accept, edit their directory profile, write consultation notes and read shared records; only patients book, rate, accept the consent, keep a health record and share it). A role gate on the operation: it says nothing about any object."),
    STORAGE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "DynamoDB (or S3) did not answer within its timeout, failed, or is paused by the circuit breaker after failing: retry after extensions.retryAfterSeconds (docs/reliability.md). For appointmentEvents and clinicalRecordEvents, the caller's event log could not be read several times in a row: the subscription ends; subscribe again with after: the last id received (docs/events.md)."),
    SERVICE_BUSY(ErrorType.INTERNAL_ERROR, "Too much work in progress: password checks (deliberately slow), or as many DynamoDB calls as the connection pool holds; retry after extensions.retryAfterSeconds."),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, "Our failure; quote extensions.correlationId.");

    private final ErrorType errorType;
    private final String description;

    PlatformErrors(ErrorType errorType, String description) {
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
