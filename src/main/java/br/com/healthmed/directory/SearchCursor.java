package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.graphql.connection.CursorCodec;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a search cursor holds: every sort key of the last hit of a page, and a fingerprint of the search
 * it belongs to. The next page holds the hits that come strictly after that position, so a cursor needs
 * no server state and pages never overlap. The cursor format itself is the API's one ({@link CursorCodec}):
 * a cursor that is not one of a search is {@code BAD_USER_INPUT}; one of another search (other filter or
 * sort) is refused with {@code INVALID_CURSOR}.
 */
public final class SearchCursor {

    /** The position after a hit, in the order of one search. */
    public record Position(String fingerprint, AccountId doctorId, double distanceKm, Rating rating, Optional<BigDecimal> price) {

        static Position of(String fingerprint, SearchHit hit) {
            Listing listing = hit.listing();
            return new Position(fingerprint, listing.doctorId(), hit.distanceKm(), listing.rating(), listing.consultationPrice());
        }

        /** The hit it stands for; its office location is not part of the order and is not kept. */
        SearchHit hit(GeoPoint anyLocation) {
            return new SearchHit(new Listing(doctorId, anyLocation, price, rating), distanceKm);
        }

        String text() {
            return String.join("|", fingerprint, doctorId.toString(), Long.toHexString(Double.doubleToLongBits(distanceKm)),
                    Long.toString(rating.count()), Long.toString(rating.sum()), price.map(BigDecimal::toPlainString).orElse("-"));
        }

        /** Throws IllegalArgumentException (NumberFormatException) for a text that is not a position. */
        static Optional<Position> parse(String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 6 || !parts[0].matches("[0-9a-f]{16}")) {
                return Optional.empty();
            }
            double distance = Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16));
            if (!Double.isFinite(distance) || distance < 0) {
                return Optional.empty();
            }
            Rating rating = new Rating(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
            Optional<BigDecimal> price = parts[5].equals("-") ? Optional.empty() : Optional.of(new BigDecimal(parts[5]));
            return Optional.of(new Position(parts[0], AccountId.of(parts[1]), distance, rating, price));
        }
    }

    public static final CursorCodec<Position> CODEC = CursorCodec.of("search", Position::text, Position::parse);

    private SearchCursor() {}

    /** The hit a client's cursor stands for in this search (the one of {@code fingerprint}). */
    static SearchHit decode(String cursor, String fingerprint, GeoPoint anyLocation) {
        Position position = CODEC.decode(cursor, "after");
        if (!position.fingerprint().equals(fingerprint)) {
            throw DomainException.invalid(DirectoryErrors.INVALID_CURSOR, "after",
                    "This cursor does not belong to this search; search again without 'after'.");
        }
        return position.hit(anyLocation);
    }
}
