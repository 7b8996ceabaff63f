package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * An e-mail address, normalised (trimmed, lower-case) so that {@code Ana@X.com} and {@code ana@x.com}
 * are one login. Syntax: the practical subset of RFC 5322 that mail providers accept (a dotted domain
 * with a top-level label, no spaces, no quoted local parts).
 */
@NamedInterface("api")
public record Email(String value) {

    private static final Pattern SYNTAX = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public Email {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid e-mail");
        }
    }

    public static Email parse(String input, String field) {
        return tryParse(input).orElseThrow(() -> DomainException.invalid(IdentityErrors.INVALID_EMAIL, field,
                "Not a valid e-mail address."));
    }

    public static Optional<Email> tryParse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String normalised = input.strip().toLowerCase(Locale.ROOT);
        return isValid(normalised) ? Optional.of(new Email(normalised)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isValid(String value) {
        return value != null && value.length() <= 254 && value.indexOf('@') <= 64 && SYNTAX.matcher(value).matches();
    }
}
