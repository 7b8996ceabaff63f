package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(11) 98765-4321     | +5511987654321",
            "+55 11 98765-4321   | +5511987654321",
            "+55 (11) 98765-4321 | +5511987654321",
            "11987654321         | +5511987654321",
            "11 9 8765 4321      | +5511987654321",
            "11.98765.4321       | +5511987654321",
            "5511987654321       | +5511987654321",
            "55 11 98765-4321    | +5511987654321",
            "(11) 3456-7890      | +551134567890",
            "1134567890          | +551134567890",
            "+55 11 3456-7890    | +551134567890",
            "(21) 2345-6789      | +552123456789",
            "+1 (415) 555-2671   | +14155552671",
            "+44 20 7946 0958    | +442079460958"})
    void normalisesToE164(String input, String e164) {
        Phone phone = Phone.parse(input, "input.phone");
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone).hasToString(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "abc",
            "call me",
            "(11) 98765-432a",
            "12345",                 // too short for a Brazilian number
            "(11) 8765-432",         // 9 digits
            "(11) 88765-4321",       // 11 digits, but a mobile starts with 9
            "(01) 98765-4321",       // area code with 0
            "(10) 98765-4321",       // area code with 0
            "119876543210",          // 12 digits without country code
            "+0 11 98765-4321",      // E.164 does not start with 0
            "+1234567",              // 7 digits: too short for E.164
            "+1234567890123456",     // 16 digits: too long for E.164
            "++55 11 98765-4321",
            "55+11987654321",
            "+",
            "()-. ",
            "11 98765-4321 ext 2",
            "+55 1234567",           // +55 needs area code and 8 or 9 digits
            "+55 11 98765-43210"})
    void rejectsGarbage(String input) {
        assertInvalid(input);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsNullAndBlank(String input) {
        assertInvalid(input);
    }

    @Test
    void constructorRequiresE164() {
        assertThatThrownBy(() -> new Phone("11987654321")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phone("+55 11 98765-4321")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phone(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Phone("+5511987654321").e164()).isEqualTo("+5511987654321");
    }

    private static void assertInvalid(String input) {
        assertThatThrownBy(() -> Phone.parse(input, "input.phone"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.INVALID_PHONE);
                    assertThat(e.extensions()).containsEntry("code", "INVALID_PHONE").containsEntry("field", "input.phone");
                });
    }
}
