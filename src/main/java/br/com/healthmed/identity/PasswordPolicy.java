package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 8 to 128 characters (counted as Unicode code points, so accents and
 * emoji count once), and not one of the 1,000 most common passwords, compared case-insensitively.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    public void check(String password, String field) {
        if (!hasAllowedLength(password)) {
            throw DomainException.invalid(IdentityErrors.INVALID_PASSWORD, field,
                    "Password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid(IdentityErrors.COMMON_PASSWORD, field,
                    "This password is among the most common ones and easy to guess; choose another.");
        }
    }

    /** Also used at login, to refuse absurdly long inputs before spending a hash on them. */
    public boolean hasAllowedLength(String password) {
        if (password == null) {
            return false;
        }
        int length = password.codePointCount(0, password.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("# "))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
