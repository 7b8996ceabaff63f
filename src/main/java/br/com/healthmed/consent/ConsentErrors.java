package br.com.healthmed.consent;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the consent module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 */
public enum ConsentErrors implements ErrorCode {

    CONSENT_REQUIRED(ErrorType.FORBIDDEN, "The patient has not accepted the teleconsultation consent (TCLE) in force, or withdrew it: bookAppointment is refused, and Meeting.joinUrl answers this error instead of the link. Read teleconsultationConsent, accept extensions.version (docs/account-security.md)."),
    CONSENT_VERSION_OUTDATED(ErrorType.BAD_REQUEST, "acceptTeleconsultationConsent of a version that is not the one in force (the client showed an old text); extensions.currentVersion is the one to show and accept.");

    private final ErrorType errorType;
    private final String description;

    ConsentErrors(ErrorType errorType, String description) {
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
