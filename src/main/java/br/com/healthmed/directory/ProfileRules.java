package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.specialty.SpecialtyErrors;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/** Validates a typed profile into a {@link DoctorProfile}; each failure names its input field. */
@Component
class ProfileRules {

    static final int MAX_SPECIALTIES = 5;
    static final int MAX_BIO = 1000;
    static final int MAX_ADDRESS = 300;
    static final int MAX_LANGUAGES = 10;
    static final Duration MIN_DURATION = Duration.ofMinutes(10);
    static final Duration MAX_DURATION = Duration.ofMinutes(240);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final SpecialtyCatalog catalog;

    ProfileRules(SpecialtyCatalog catalog) {
        this.catalog = catalog;
    }

    DoctorProfile validate(AccountId doctorId, ProfileUpdate input) {
        Optional<GeoPoint> location = input.latitude() == null && input.longitude() == null ? Optional.empty()
                : Optional.of(GeoPoint.of(input.latitude(), input.longitude(), "input.officeLocation"));
        return new DoctorProfile(doctorId,
                specialties(input.specialties()),
                Optional.ofNullable(input.consultationPrice()).map(price -> price(price, "input.consultationPrice")),
                text(input.bio(), MAX_BIO, "input.bio", true),
                languages(input.languages()),
                text(input.officeAddress(), MAX_ADDRESS, "input.officeAddress", false),
                location,
                timeZone(input.timeZone()),
                duration(input.consultationDurationMinutes()),
                blank(input.email()) ? Optional.empty() : Optional.of(Email.parse(input.email(), "input.email").value()),
                Boolean.TRUE.equals(input.showEmail()),
                blank(input.phone()) ? Optional.empty() : Optional.of(Phone.parse(input.phone(), "input.phone").e164()),
                Boolean.TRUE.equals(input.showPhone()));
    }

    /** A price in BRL: more than 0, at most 100,000.00, at most two decimal places; kept with two. */
    static BigDecimal price(BigDecimal price, String field) {
        BigDecimal normalised = price.stripTrailingZeros();
        if (price.signum() <= 0 || normalised.scale() > 2 || price.compareTo(new BigDecimal("100000")) > 0) {
            throw DomainException.invalid(DirectoryErrors.INVALID_PRICE, field,
                    "A price in BRL must be more than 0 and at most 100000.00, with at most 2 decimal places.");
        }
        return price.setScale(2);
    }

    private List<String> specialties(@Nullable List<String> codes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(codes == null ? List.of() : codes));
        if (distinct.isEmpty() || distinct.size() > MAX_SPECIALTIES) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.specialties",
                    "Give 1 to " + MAX_SPECIALTIES + " specialties (codes from the specialties query).");
        }
        List<String> unknown = catalog.unknown(distinct);
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(SpecialtyErrors.UNKNOWN_SPECIALTY, "input.specialties",
                    "Unknown specialty codes " + unknown + "; use codes from the specialties query.");
        }
        return distinct;
    }

    private static List<String> languages(@Nullable List<String> codes) {
        List<String> distinct = (codes == null ? List.<String>of() : codes).stream()
                .map(code -> code == null ? "" : code.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        if (distinct.size() > MAX_LANGUAGES || !LANGUAGES.containsAll(distinct)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.languages",
                    "Give at most " + MAX_LANGUAGES + " languages as ISO 639-1 codes, e.g. pt, en, es.");
        }
        return distinct;
    }

    /** Trimmed text, absent when blank; line breaks only where {@code multiline}, no other control or invisible characters. */
    private static Optional<String> text(@Nullable String input, int maxLength, String field, boolean multiline) {
        if (blank(input)) {
            return Optional.empty();
        }
        String text = input.strip();
        boolean forbidden = text.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL && !(multiline && c == '\n'))
                || Character.getType(c) == Character.FORMAT);
        if (text.length() > maxLength || forbidden) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field,
                    "At most " + maxLength + " characters, without control or invisible characters.");
        }
        return Optional.of(text);
    }

    private static ZoneId timeZone(@Nullable String id) {
        if (blank(id)) {
            return PracticeTerms.DEFAULT_TIME_ZONE;
        }
        // Region ids only (America/Manaus): fixed offsets would ignore daylight-saving rules.
        if (!ZoneId.getAvailableZoneIds().contains(id.strip()) || !id.contains("/")) {
            throw DomainException.invalid(DirectoryErrors.INVALID_TIME_ZONE, "input.timeZone",
                    "Not an IANA time zone id such as America/Sao_Paulo or America/Manaus.");
        }
        return ZoneId.of(id.strip());
    }

    private static Duration duration(@Nullable Integer minutes) {
        if (minutes == null) {
            return PracticeTerms.DEFAULT_CONSULTATION_DURATION;
        }
        Duration duration = Duration.ofMinutes(minutes);
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw DomainException.invalid(DirectoryErrors.INVALID_CONSULTATION_DURATION, "input.consultationDurationMinutes",
                    "A consultation lasts 10 to 240 minutes.");
        }
        return duration;
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
