package br.com.healthmed.specialty;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the specialty module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 * Other modules raise some of them, so this enum is published.
 */
@org.springframework.modulith.NamedInterface("api")
public enum SpecialtyErrors implements ErrorCode {

    UNKNOWN_SPECIALTY(ErrorType.BAD_REQUEST, "A specialty code not in specialties.");

    private final ErrorType errorType;
    private final String description;

    SpecialtyErrors(ErrorType errorType, String description) {
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
