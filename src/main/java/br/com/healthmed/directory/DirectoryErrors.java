package br.com.healthmed.directory;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the directory module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 */
public enum DirectoryErrors implements ErrorCode {

    INVALID_COORDINATES(ErrorType.BAD_REQUEST, "Coordinates off the globe or incomplete: latitude −90 to 90 and longitude −180 to 180, both given."),
    INVALID_RADIUS(ErrorType.BAD_REQUEST, "radiusKm not more than 0 or more than 100."),
    INVALID_PRICE(ErrorType.BAD_REQUEST, "A price in BRL that is not more than 0, over 100000.00, or has more than 2 decimal places."),
    INVALID_TIME_ZONE(ErrorType.BAD_REQUEST, "Not an IANA region id such as America/Sao_Paulo (fixed offsets like -03:00 are refused)."),
    INVALID_CONSULTATION_DURATION(ErrorType.BAD_REQUEST, "Consultation duration outside 10 to 240 minutes."),
    INVALID_CURSOR(ErrorType.BAD_REQUEST, "after was not returned by this same search (filter and sort); search again without it."),
    GEOCODING_UNAVAILABLE(ErrorType.BAD_REQUEST, "A search by near.address, but no geocoder is configured: give latitude and longitude."),
    ADDRESS_NOT_FOUND(ErrorType.BAD_REQUEST, "The geocoder found no place in Brazil for the address."),
    GEOCODING_FAILED(ErrorType.INTERNAL_ERROR, "The geocoding service failed; retry later or give coordinates."),
    GEOCODING_BUSY(ErrorType.INTERNAL_ERROR, "The geocoding service throttled us (after retries); retry after extensions.retryAfterSeconds.");

    private final ErrorType errorType;
    private final String description;

    DirectoryErrors(ErrorType errorType, String description) {
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
