package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "ana@x.com|ana@x.com",
            "Ana@X.com|ana@x.com",
            "  ANA.MARIA@Example.COM.BR  |ana.maria@example.com.br",
            "\tana+tag@sub.example.org\t|ana+tag@sub.example.org",
            "o'neil_99@mail-server.io|o'neil_99@mail-server.io"})
    void normalisesToTrimmedLowerCase(String input, String expected) {
        assertThat(Email.parse(input, "input.email").value()).isEqualTo(expected);
        assertThat(Email.tryParse(input)).hasValueSatisfying(e -> assertThat(e).hasToString(expected));
    }

    @Test
    void differentCaseIsTheSameEmail() {
        assertThat(Email.parse("Ana@X.com", "email")).isEqualTo(Email.parse("ana@x.COM", "email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ana.x.com",            // no @
            "ana@",                 // no domain
            "@x.com",               // no local part
            "ana@x",                // no TLD
            "ana@localhost",        // no TLD
            "ana@x.c",              // one-letter TLD
            "ana@x.c0m",            // digits in TLD
            "ana maria@x.com",      // space in local part
            "ana@ex ample.com",     // space in domain
            "ana@x.com extra",      // trailing garbage
            "ana..maria@x.com",     // double dot in local part
            ".ana@x.com",           // leading dot
            "ana.@x.com",           // trailing dot in local part
            "ana@x..com",           // double dot in domain
            "ana@.x.com",           // domain starts with dot
            "ana@-x.com",           // label starts with hyphen
            "ana@x-.com",           // label ends with hyphen
            "ana@@x.com",           // two @
            "ana@b@x.com",          // two @
            "\"ana\"@x.com",        // quoted local part
            "ana@x.com.",           // trailing dot
            "ana@[127.0.0.1]"})     // address literal
    void rejectsInvalidForms(String input) {
        assertInvalid(input);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsNullAndBlank(String input) {
        assertInvalid(input);
    }

    @Test
    void localPartMayHaveSixtyFourCharactersButNotSixtyFive() {
        assertThat(Email.tryParse("a".repeat(64) + "@x.com")).isPresent();
        assertInvalid("a".repeat(65) + "@x.com");
    }

    @Test
    void addressMayHave254CharactersButNot255() {
        String local = "a".repeat(64);
        String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com"; // 189 chars
        String email254 = local + "@" + domain254;
        assertThat(email254).hasSize(254);
        assertThat(Email.tryParse(email254)).isPresent();

        String email255 = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".com";
        assertThat(email255).hasSize(255);
        assertInvalid(email255);
    }

    @Test
    void lengthIsCheckedAfterTrimming() {
        String email254 = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(Email.tryParse("   " + email254 + "   ")).isPresent();
    }

    @Test
    void constructorRequiresTheNormalisedForm() {
        assertThatThrownBy(() -> new Email("Ana@x.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email(" ana@x.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Email("ana@x.com").value()).isEqualTo("ana@x.com");
    }

    private static void assertInvalid(String input) {
        assertThat(Email.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> Email.parse(input, "input.email"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.INVALID_EMAIL);
                    assertThat(e.extensions()).containsEntry("code", "INVALID_EMAIL").containsEntry("field", "input.email");
                });
    }
}
