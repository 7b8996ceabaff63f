package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Free text of the clinical record as stored: NFC-normalised, trimmed, without control or invisible
 * formatting characters (line breaks and tabs are kept: a history has paragraphs). One pass per text.
 */
final class ClinicalTexts {

    private ClinicalTexts() {}

    static String required(String raw, String field, int max) {
        return optional(raw, field, max).orElseThrow(() -> DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field,
                "This field cannot be empty."));
    }

    static Optional<String> optional(String raw, String field, int max) {
        if (raw == null) {
            return Optional.empty();
        }
        // Checked before cleaning as well: cleaning a huge text would cost time for a text refused anyway.
        if (raw.length() > 4 * max) {
            throw tooLong(field, max);
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().filter(cp -> cp == '\n' || cp == '\t' || (Character.getType(cp) != Character.CONTROL
                && Character.getType(cp) != Character.FORMAT)).forEach(out::appendCodePoint);
        String text = out.toString().strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw tooLong(field, max);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static DomainException tooLong(String field, int max) {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "At most " + max + " characters.");
    }
}
