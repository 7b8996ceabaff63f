package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a search's order: every sort key of the last hit of a page, and a fingerprint of the
 * search it belongs to. The next page holds the hits that come strictly after that position, so a
 * cursor needs no server state and pages never overlap. A cursor from another search (other filter or
 * sort) or that is not ours at all is refused with {@code INVALID_CURSOR}.
 */
final class SearchCursor {

    private static final String VERSION = "c1";

    private SearchCursor() {}

    static String encode(String fingerprint, SearchHit hit) {
        Listing listing = hit.listing();
        String text = String.join("|", VERSION, fingerprint, listing.doctorId().toString(),
                Long.toHexString(Double.doubleToLongBits(hit.distanceKm())),
                Long.toString(listing.rating().count()), Long.toString(listing.rating().sum()),
                listing.consultationPrice().map(BigDecimal::toPlainString).orElse("-"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hit the cursor stands for; its office location is not part of the order and is not kept. */
    static SearchHit decode(String cursor, String fingerprint, GeoPoint anyLocation) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 7 || !parts[0].equals(VERSION) || !parts[1].equals(fingerprint)) {
                throw invalid();
            }
            double distance = Double.longBitsToDouble(Long.parseUnsignedLong(parts[3], 16));
            Rating rating = new Rating(Long.parseLong(parts[4]), Long.parseLong(parts[5]));
            Optional<BigDecimal> price = parts[6].equals("-") ? Optional.empty() : Optional.of(new BigDecimal(parts[6]));
            return new SearchHit(new Listing(AccountId.of(parts[2]), anyLocation, price, rating), distance);
        } catch (IllegalArgumentException notOurs) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalid(DirectoryErrors.INVALID_CURSOR, "after",
                "This cursor does not belong to this search; search again without 'after'.");
    }
}
