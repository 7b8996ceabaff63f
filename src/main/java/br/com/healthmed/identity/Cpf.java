package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A CPF (Cadastro de Pessoas Físicas), kept as its 11 digits. Accepts the digits with or without the
 * usual punctuation ({@code 123.456.789-09}); rejects wrong check digits and all-equal digits
 * ({@code 111.111.111-11}), which pass the check-digit arithmetic but are not issued.
 */
@NamedInterface("api")
public record Cpf(String digits) {

    public Cpf {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a valid CPF");
        }
    }

    /** Parses what a person typed; {@code INVALID_CPF} naming {@code field} when it is not a CPF. */
    public static Cpf parse(String input, String field) {
        return tryParse(input).orElseThrow(() -> DomainException.invalid(IdentityErrors.INVALID_CPF, field,
                "Not a valid CPF: it must have 11 digits with correct check digits, e.g. 123.456.789-09."));
    }

    public static Optional<Cpf> tryParse(String input) {
        if (input == null || !input.strip().matches("\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}")) {
            return Optional.empty();
        }
        String digits = input.replaceAll("\\D", "");
        return isValid(digits) ? Optional.of(new Cpf(digits)) : Optional.empty();
    }

    /** {@code 123.456.789-09}. */
    public String formatted() {
        return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-" + digits.substring(9);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static boolean isValid(String digits) {
        if (digits == null || !digits.matches("\\d{11}") || digits.chars().distinct().count() == 1) {
            return false;
        }
        return checkDigit(digits, 9) == digits.charAt(9) - '0' && checkDigit(digits, 10) == digits.charAt(10) - '0';
    }

    /** The check digit at position {@code length}, computed over the digits before it (weights length+1 .. 2). */
    private static int checkDigit(String digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (digits.charAt(i) - '0') * (length + 1 - i);
        }
        int remainder = (sum * 10) % 11;
        return remainder == 10 ? 0 : remainder;
    }
}
