package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** What a name, a birth date and a free-text reason must be: one rule for registration and correction. */
@Component
class AccountRules {

    private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");
    static final int MIN_REASON = 5;
    static final int MAX_REASON = 500;

    private final Clock clock;

    AccountRules(Clock clock) {
        this.clock = clock;
    }

    static String name(String input, String field) {
        String name = input == null ? "" : input.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 120) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "Name must have 1 to 120 characters.");
        }
        refuseInvisible(name, field, "Name");
        return name;
    }

    LocalDate birthDate(LocalDate birthDate, String field) {
        LocalDate today = LocalDate.now(clock.withZone(BRAZIL));
        if (birthDate == null || !birthDate.isBefore(today) || birthDate.isBefore(today.minusYears(130))) {
            throw DomainException.invalid(IdentityErrors.INVALID_BIRTH_DATE, field,
                    "Birth date must be in the past and at most 130 years ago.");
        }
        return birthDate;
    }

    /** Why something was changed, as the owner wrote it: 5 to 500 characters. */
    static String reason(String input, String field) {
        String reason = input == null ? "" : input.strip();
        if (reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field,
                    "Give a reason of " + MIN_REASON + " to " + MAX_REASON + " characters.");
        }
        refuseInvisible(reason.replaceAll("[\\r\\n\\t]", " "), field, "The reason");
        return reason;
    }

    /**
     * Control and invisible formatting characters (e.g. right-to-left overrides) only serve to make a
     * text display as something else.
     */
    private static void refuseInvisible(String text, String field, String what) {
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, what + " contains characters that are not allowed.");
        }
    }
}
