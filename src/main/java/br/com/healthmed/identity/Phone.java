package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * A phone number in E.164 ({@code +5511987654321}). A Brazilian number may be typed without the
 * country code, with area code and 8 or 9 digits, in any punctuation: {@code (11) 98765-4321}.
 */
@NamedInterface("api")
public record Phone(String e164) {

    public Phone {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{7,14}")) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    public static Phone parse(String input, String field) {
        String text = input == null ? "" : input.strip();
        if (!text.matches("\\+?[\\d\\s().-]+")) {
            throw invalid(field);
        }
        String digits = text.replaceAll("\\D", "");
        String e164;
        if (text.startsWith("+")) {
            e164 = "+" + digits;
        } else if (digits.matches("[1-9]{2}9?\\d{8}")) {
            e164 = "+55" + digits;
        } else if (digits.matches("55[1-9]{2}9?\\d{8}")) {
            e164 = "+" + digits;
        } else {
            throw invalid(field);
        }
        // Any country is fine, but a Brazilian number must have area code and 8 or 9 digits.
        if (!e164.matches("\\+[1-9]\\d{7,14}") || (e164.startsWith("+55") && !e164.matches("\\+55[1-9]{2}9?\\d{8}"))) {
            throw invalid(field);
        }
        return new Phone(e164);
    }

    private static DomainException invalid(String field) {
        return DomainException.invalid(IdentityErrors.INVALID_PHONE, field,
                "Not a valid phone number: use +55 11 98765-4321 or (11) 98765-4321.");
    }

    @Override
    public String toString() {
        return e164;
    }
}
