package br.com.healthmed.identity;

import org.springframework.modulith.NamedInterface;

/**
 * What happened to an account, as its owner reads it in the security log. Names are part of the API
 * (the GraphQL enum of the same name): a constant is added, never renamed.
 */
@NamedInterface("api")
public enum SecurityEventKind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGGED_OUT,
    SESSION_REVOKED_REUSE,
    EMAIL_VERIFIED,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGED,
    ACCOUNT_UPDATED,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_DISABLED,
    RECOVERY_CODE_USED,
    DATA_EXPORT_REQUESTED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    CONSENT_ACCEPTED,
    /** The teleconsultation consent was withdrawn. */
    CONSENT_WITHDRAWN,
    /** A verification code was sent again at the owner's request. */
    EMAIL_VERIFICATION_SENT,
    /** A download URL of a copy of the account's data was issued. */
    DATA_EXPORT_DOWNLOADED
}
