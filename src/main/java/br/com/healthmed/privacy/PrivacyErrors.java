package br.com.healthmed.privacy;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the privacy module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 */
public enum PrivacyErrors implements ErrorCode {

    ACCOUNT_DEACTIVATED(ErrorType.FORBIDDEN, "Login of an account its owner deactivated (answered only after the right password); extensions.reactivableUntil says until when reactivateAccount brings it back, reactivable whether that is still so (docs/privacy.md)."),
    REACTIVATION_PERIOD_ENDED(ErrorType.FORBIDDEN, "reactivateAccount after the grace (healthmed.lgpd.deactivation-grace, 30 days): the account is anonymised; register again."),
    DATA_EXPORT_RUNNING(ErrorType.BAD_REQUEST, "requestDataExport while a copy of the caller's data is being prepared; extensions.exportId names it."),
    DATA_EXPORT_EXPIRED(ErrorType.BAD_REQUEST, "downloadUrl of a copy whose 7 days are over (it was deleted); request a new one.");

    private final ErrorType errorType;
    private final String description;

    PrivacyErrors(ErrorType errorType, String description) {
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
