package br.com.healthmed.identity;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the identity module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 */
public enum IdentityErrors implements ErrorCode {

    INVALID_EMAIL(ErrorType.BAD_REQUEST, "Not a valid e-mail address."),
    INVALID_CPF(ErrorType.BAD_REQUEST, "Not a valid CPF (11 digits with correct check digits; all-equal digits are refused)."),
    INVALID_CRM(ErrorType.BAD_REQUEST, "Not a valid CRM: 4 to 10 digits, /, one of the 27 UF codes, e.g. 123456/SP."),
    INVALID_PHONE(ErrorType.BAD_REQUEST, "Not a valid phone number."),
    INVALID_BIRTH_DATE(ErrorType.BAD_REQUEST, "Birth date not in the past, or more than 130 years ago."),
    INVALID_PASSWORD(ErrorType.BAD_REQUEST, "Password shorter than 8 or longer than 128 characters."),
    COMMON_PASSWORD(ErrorType.BAD_REQUEST, "Password is one of the 1,000 most common ones."),
    // registerPatient answers neither (its answer is the same for every case, docs/security.md); EMAIL_TAKEN is
    // confirmEmailChange's alone (with the code from the address's mailbox), CPF_TAKEN only the service's own registration path.
    EMAIL_TAKEN(ErrorType.BAD_REQUEST, "Another account uses this e-mail: confirmEmailChange alone, with the code sent to that address (never requestEmailChange nor registerPatient, whose answers are the same whether an address is taken or not)."),
    CPF_TAKEN(ErrorType.BAD_REQUEST, "An account with this CPF exists. Not answered by the API (registerPatient tells the address by e-mail instead); kept for the service's own registration path."),
    CRM_TAKEN(ErrorType.BAD_REQUEST, "A doctor with this CRM exists."),
    INVALID_CREDENTIALS(ErrorType.UNAUTHORIZED, "Login or password wrong (the same answer, after the same work, whether the account exists or not)."),
    TOO_MANY_ATTEMPTS(ErrorType.FORBIDDEN, "Too many failed logins or wrong passwords (per login and per address), wrong e-mail codes (5 per address and network, 100 per address, 50 per network in 15 minutes), or codes sent (5 per account an hour); extensions.retryAfterSeconds says when to retry."),
    INVALID_REFRESH_TOKEN(ErrorType.UNAUTHORIZED, "Refresh token unknown, expired, revoked or already used: log in again."),
    VERIFICATION_CODE_INVALID(ErrorType.BAD_REQUEST, "The e-mail code is not the one the account waits for: mistyped, replaced by a newer one, or another account's (the answer is the same for all). See docs/account.md."),
    VERIFICATION_CODE_EXPIRED(ErrorType.BAD_REQUEST, "The account's own code, but older than 30 minutes: ask for a new one (resendVerification, or requestEmailChange again)."),
    VERIFICATION_CODE_USED(ErrorType.BAD_REQUEST, "The code was already used; me shows whether it took effect."),
    EMAIL_ALREADY_VERIFIED(ErrorType.BAD_REQUEST, "resendVerification for an address already verified: nothing to send."),
    EMAIL_NOT_VERIFIED(ErrorType.FORBIDDEN, "A session of a patient whose e-mail is not verified (one from before e-mail verification existed: the password opens none until it is) may browse, but not book (bookAppointment) or share record files (shareRecord): verify it first."),
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
    ACCOUNT_NOT_DEACTIVATED(ErrorType.BAD_REQUEST, "reactivateAccount for an account that is active: log in as usual.");

    private final ErrorType errorType;
    private final String description;

    IdentityErrors(ErrorType errorType, String description) {
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
