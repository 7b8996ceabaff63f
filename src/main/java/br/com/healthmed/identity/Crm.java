package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * A doctor's registration with a Regional Council of Medicine: 4 to 10 digits and the state (UF)
 * of the council, normalised to {@code 123456/SP}. Accepts {@code 123456/sp}, {@code 123456-SP},
 * {@code CRM/SP 123456} and {@code CRM-SP 123456} as people write them. Leading zeros are padding,
 * not part of the number: {@code 012345/SP} is {@code 12345/SP} (and one doctor, not two).
 */
@NamedInterface("api")
public record Crm(String number, String uf) {

    /** The 26 states and the Federal District. */
    public static final Set<String> UFS = Set.of(
            "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
            "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");

    private static final Pattern NUMBER_FIRST = Pattern.compile("^(?:CRM\\s*)?(\\d{4,10})\\s*[/-]\\s*([A-Z]{2})$");
    private static final Pattern UF_FIRST = Pattern.compile("^CRM\\s*[/-]?\\s*([A-Z]{2})\\s+(\\d{4,10})$");

    public Crm {
        if (number == null || !number.matches("\\d{4,10}") || !number.equals(canonical(number)) || !UFS.contains(uf)) {
            throw new IllegalArgumentException("not a valid CRM");
        }
    }

    public static Crm parse(String input, String field) {
        return tryParse(input).orElseThrow(() -> DomainException.invalid(IdentityErrors.INVALID_CRM, field,
                "Not a valid CRM: 4 to 10 digits, then '/', then the state, e.g. 123456/SP."));
    }

    public static Optional<Crm> tryParse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip().toUpperCase(Locale.ROOT);
        Matcher numberFirst = NUMBER_FIRST.matcher(text);
        if (numberFirst.matches()) {
            return of(numberFirst.group(1), numberFirst.group(2));
        }
        Matcher ufFirst = UF_FIRST.matcher(text);
        return ufFirst.matches() ? of(ufFirst.group(2), ufFirst.group(1)) : Optional.empty();
    }

    private static Optional<Crm> of(String typed, String uf) {
        return UFS.contains(uf) ? Optional.of(new Crm(canonical(typed), uf)) : Optional.empty();
    }

    /** Without padding zeros, then padded back to the 4-digit minimum: 012345 → 12345, 0001 → 0001. */
    private static String canonical(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        return significant.length() >= 4 ? significant : "0".repeat(4 - significant.length()) + significant;
    }

    /** {@code 123456/SP}. */
    public String value() {
        return number + "/" + uf;
    }

    @Override
    public String toString() {
        return value();
    }
}
