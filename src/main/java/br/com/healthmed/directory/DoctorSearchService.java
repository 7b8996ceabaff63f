package br.com.healthmed.directory;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.specialty.SpecialtyErrors;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Finds doctors by specialty within a radius, with rating and price filters, in a chosen order and
 * in pages. Validates the request and leaves the reading to the store, which reads in proportion to
 * the page ({@link DirectoryStore#first}); the total is counted only when asked for.
 */
@Service
public class DoctorSearchService {

    public static final double MAX_RADIUS_KM = 100;
    public static final double DEFAULT_RADIUS_KM = 10;

    private final DirectoryStore store;
    private final SpecialtyCatalog specialties;
    private final Geocoder geocoder;

    public DoctorSearchService(DirectoryStore store, SpecialtyCatalog specialties, Geocoder geocoder) {
        this.store = store;
        this.specialties = specialties;
        this.geocoder = geocoder;
    }

    public SearchPage search(SearchRequest request) {
        String specialty = specialty(request.specialty());
        double radius = radius(request.radiusKm());
        Optional<BigDecimal> minRating = minRating(request.minRating());
        Optional<BigDecimal> maxPrice = Optional.ofNullable(request.maxPrice())
                .map(price -> ProfileRules.price(price, "filter.maxPrice"));
        SearchSort sort = request.sort() == null ? SearchSort.DISTANCE : request.sort();
        int first = Pagination.size(request.first(), "first");
        GeoPoint center = center(request);

        String fingerprint = fingerprint(specialty, center, radius, minRating, maxPrice, sort);
        GeoCircle circle = new GeoCircle(center, radius);
        ListingFilter filter = new ListingFilter(minRating, maxPrice);
        Optional<SearchHit> after = Optional.ofNullable(request.after())
                .map(cursor -> SearchCursor.decode(cursor, fingerprint, center));
        // One hit more than the page: whether there is a next page, without counting the rest.
        List<SearchHit> hits = store.first(new SearchQuery(circle, specialty, filter, sort, after, first + 1));
        List<SearchPage.Entry> entries = hits.stream().limit(first)
                .map(hit -> new SearchPage.Entry(hit, SearchCursor.Position.of(fingerprint, hit)))
                .toList();
        return new SearchPage(entries, hits.size() > first, after.isPresent(), () -> store.count(circle, specialty, filter));
    }

    private GeoPoint center(SearchRequest request) {
        boolean hasCoordinates = request.latitude() != null || request.longitude() != null;
        boolean hasAddress = request.address() != null && !request.address().isBlank();
        if (hasCoordinates == hasAddress) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "filter.near",
                    "Give either latitude and longitude or an address, not both.");
        }
        if (hasCoordinates) {
            return GeoPoint.of(request.latitude(), request.longitude(), "filter.near");
        }
        if (!geocoder.available()) {
            throw DomainException.invalid(DirectoryErrors.GEOCODING_UNAVAILABLE, "filter.near.address",
                    "Searching by address is not available here; give latitude and longitude instead.");
        }
        if (request.address().length() > ProfileRules.MAX_ADDRESS) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "filter.near.address",
                    "An address has at most " + ProfileRules.MAX_ADDRESS + " characters.");
        }
        return geocoder.locate(request.address().strip())
                .orElseThrow(() -> DomainException.invalid(DirectoryErrors.ADDRESS_NOT_FOUND, "filter.near.address",
                        "No place in Brazil matches this address; check it or give latitude and longitude."));
    }

    private String specialty(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Listing.ANY_SPECIALTY;
        }
        if (specialties.byCode(code).isEmpty()) {
            throw DomainException.invalid(SpecialtyErrors.UNKNOWN_SPECIALTY, "filter.specialty",
                    "Unknown specialty code " + code + "; use a code from the specialties query.");
        }
        return code;
    }

    private static double radius(@Nullable Double radiusKm) {
        double radius = radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm;
        if (!(radius > 0) || radius > MAX_RADIUS_KM) {
            throw DomainException.invalid(DirectoryErrors.INVALID_RADIUS, "filter.radiusKm",
                    "The radius must be more than 0 and at most " + (int) MAX_RADIUS_KM + " km.");
        }
        return radius;
    }

    private static Optional<BigDecimal> minRating(@Nullable Double minRating) {
        if (minRating == null) {
            return Optional.empty();
        }
        if (!Double.isFinite(minRating) || minRating < 1 || minRating > 5) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "filter.minRating",
                    "The minimum rating is 1 to 5 stars.");
        }
        return Optional.of(BigDecimal.valueOf(minRating));
    }

    /** What the order and the set of hits depend on; a cursor is only valid for the same values. */
    private static String fingerprint(String specialty, GeoPoint center, double radius, Optional<BigDecimal> minRating,
                                      Optional<BigDecimal> maxPrice, SearchSort sort) {
        String search = String.join("|", specialty, Double.toString(center.latitude()), Double.toString(center.longitude()),
                Double.toString(radius), minRating.map(BigDecimal::toPlainString).orElse("-"),
                maxPrice.map(BigDecimal::toPlainString).orElse("-"), sort.name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
