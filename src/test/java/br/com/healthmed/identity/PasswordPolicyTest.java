package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, two UTF-16 chars, one code point

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void sevenCharactersAreTooFew() {
        assertRejected("xK9#mQ2", IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void eightCharactersAreEnough() {
        assertAccepted("xK9#mQ2v");
    }

    @Test
    void oneHundredTwentyEightCharactersAreAccepted() {
        assertAccepted("xK9#mQ2v".repeat(16));
    }

    @Test
    void oneHundredTwentyNineCharactersAreTooMany() {
        assertRejected("xK9#mQ2v".repeat(16) + "z", IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void nullAndEmptyAreRejected() {
        assertRejected(null, IdentityErrors.INVALID_PASSWORD);
        assertRejected("", IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void emojiCountOnce() {
        // 4 emoji are 8 UTF-16 chars but 4 characters: too short.
        assertThat(EMOJI.repeat(4)).hasSize(8);
        assertRejected(EMOJI.repeat(4), IdentityErrors.INVALID_PASSWORD);
        // 7 emoji and one letter: 8 characters.
        assertAccepted(EMOJI.repeat(7) + "a");
        // 128 emoji are 256 UTF-16 chars but 128 characters: accepted.
        assertAccepted(EMOJI.repeat(128));
        assertRejected(EMOJI.repeat(129), IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void accentedLettersCountOnce() {
        assertAccepted("çãéíõüñà");
        assertRejected("çãéíõüñ", IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void hasAllowedLengthMatchesTheLimits() {
        assertThat(policy.hasAllowedLength(null)).isFalse();
        assertThat(policy.hasAllowedLength("a".repeat(PasswordPolicy.MIN_LENGTH - 1))).isFalse();
        assertThat(policy.hasAllowedLength("a".repeat(PasswordPolicy.MIN_LENGTH))).isTrue();
        assertThat(policy.hasAllowedLength("a".repeat(PasswordPolicy.MAX_LENGTH))).isTrue();
        assertThat(policy.hasAllowedLength("a".repeat(PasswordPolicy.MAX_LENGTH + 1))).isFalse();
        assertThat(policy.hasAllowedLength(EMOJI.repeat(PasswordPolicy.MAX_LENGTH))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "iloveyou", "ILoveYou", "ILOVEYOU", "sunshine", "SunShine", "football",
            "qwertyuiop", "QWERTYUIOP", "password", "PassWord", "password1", "trustno1", "1qaz2wsx", "Princess"})
    void commonPasswordsAreRejectedWhateverTheCase(String password) {
        assertRejected(password, IdentityErrors.COMMON_PASSWORD);
    }

    @Test
    void theLengthRuleComesFirst() {
        // "123456" is the most common password of all, but too short: the length message is the useful one.
        assertRejected("123456", IdentityErrors.INVALID_PASSWORD);
    }

    @Test
    void everyListedPasswordOfAllowedLengthIsRejected() throws IOException {
        List<String> listed = listedPasswords();
        List<String> checkable = listed.stream().filter(policy::hasAllowedLength).toList();
        assertThat(checkable).hasSizeGreaterThanOrEqualTo(200);
        for (String password : checkable) {
            assertThatThrownBy(() -> policy.check(password, "password"))
                    .as(password)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(IdentityErrors.COMMON_PASSWORD));
            assertThatThrownBy(() -> policy.check(password.toUpperCase(Locale.ROOT), "password"))
                    .as(password.toUpperCase(Locale.ROOT))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(IdentityErrors.COMMON_PASSWORD));
        }
    }

    @Test
    void theListHasTheThousandMostCommonPasswords() throws IOException {
        List<String> listed = listedPasswords();
        assertThat(listed).hasSize(1000);
        // "password", "Password" and "PASSWORD" are all in the list; compared case-insensitively they are one.
        long distinctIgnoringCase = listed.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().count();
        assertThat(distinctIgnoringCase).isEqualTo(998);
        assertThat(policy.commonPasswordCount()).isEqualTo((int) distinctIgnoringCase).isGreaterThanOrEqualTo(990);
    }

    @Test
    void theMessageNamesTheField() {
        assertThatThrownBy(() -> policy.check("short", "input.password"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.extensions()).containsEntry("code", "INVALID_PASSWORD").containsEntry("field", "input.password");
                    assertThat(e.getMessage()).contains("8").contains("128");
                });
        assertThatThrownBy(() -> policy.check("iloveyou", "input.password"))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.extensions()).containsEntry("code", "COMMON_PASSWORD").containsEntry("field", "input.password"));
    }

    private void assertAccepted(String password) {
        assertThatCode(() -> policy.check(password, "password")).doesNotThrowAnyException();
    }

    private void assertRejected(String password, ErrorCode code) {
        assertThatThrownBy(() -> policy.check(password, "input.password"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.extensions()).containsEntry("field", "input.password");
                });
    }

    /** The non-comment lines of the resource, read independently of {@link PasswordPolicy}. */
    private static List<String> listedPasswords() throws IOException {
        try (InputStream in = PasswordPolicyTest.class.getResourceAsStream("/identity/common-passwords.txt")) {
            assertThat(in).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("# "))
                    .toList();
        }
    }
}
