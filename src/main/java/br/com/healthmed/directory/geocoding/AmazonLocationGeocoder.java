package br.com.healthmed.directory.geocoding;

import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geocoder;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.directory.DirectoryErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.location.LocationClient;
import software.amazon.awssdk.services.location.model.SearchForTextResult;
import software.amazon.awssdk.services.location.model.SearchPlaceIndexForTextResponse;
import software.amazon.awssdk.services.location.model.ThrottlingException;

/**
 * Amazon Location Service: {@code SearchPlaceIndexForText} on a place index, restricted to Brazil
 * ({@code FilterCountries = BRA}) and answered in Portuguese; the best match wins. The SDK retries
 * throttling and server errors itself; what is left after its retries becomes {@code GEOCODING_BUSY}
 * or {@code GEOCODING_FAILED}, and the address is never logged (it is personal data).
 */
class AmazonLocationGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(AmazonLocationGeocoder.class);

    private final LocationClient client;
    private final String placeIndex;

    AmazonLocationGeocoder(LocationClient client, String placeIndex) {
        this.client = client;
        this.placeIndex = placeIndex;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<GeoPoint> locate(String address) {
        SearchPlaceIndexForTextResponse response;
        try {
            response = client.searchPlaceIndexForText(b -> b.indexName(placeIndex)
                    .text(address)
                    .filterCountries("BRA")
                    .language("pt-BR")
                    .maxResults(1));
        } catch (ThrottlingException throttled) {
            log.warn("Amazon Location throttled a geocoding request (place index {})", placeIndex);
            throw new DomainException(DirectoryErrors.GEOCODING_BUSY, "The geocoding service is busy; retry in a moment or give coordinates.",
                    Map.of("retryAfterSeconds", 1L));
        } catch (SdkException failed) {
            log.warn("Amazon Location geocoding failed (place index {}): {}", placeIndex, failed.getClass().getSimpleName());
            throw new DomainException(DirectoryErrors.GEOCODING_FAILED, "The geocoding service failed; retry later or give coordinates.");
        }
        return response.results().stream()
                .map(SearchForTextResult::place)
                .filter(place -> place != null && place.geometry() != null && place.geometry().point().size() == 2)
                .map(place -> place.geometry().point())
                .findFirst()
                .flatMap(AmazonLocationGeocoder::point);
    }

    /** Amazon Location gives positions as [longitude, latitude]. */
    private static Optional<GeoPoint> point(List<Double> position) {
        double longitude = position.get(0);
        double latitude = position.get(1);
        return GeoPoint.isValid(latitude, longitude) ? Optional.of(new GeoPoint(latitude, longitude)) : Optional.empty();
    }
}
