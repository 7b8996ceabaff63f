package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CpfTest {

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-25", "52998224725", "  529.982.247-25  ", "529982247-25", "529.982.24725"})
    void acceptsValidCpfWithOrWithoutPunctuation(String input) {
        assertThat(Cpf.tryParse(input)).hasValueSatisfying(cpf -> assertThat(cpf.digits()).isEqualTo("52998224725"));
        assertThat(Cpf.parse(input, "input.cpf").digits()).isEqualTo("52998224725");
    }

    @ParameterizedTest
    @ValueSource(strings = {"111.444.777-35", "123.456.789-09", "935.411.347-80", "000.000.001-91"})
    void acceptsOtherKnownValidCpfs(String input) {
        assertThat(Cpf.tryParse(input)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-26", "529.982.247-15", "52998224724", "52998224735", "123.456.789-00", "111.444.777-53"})
    void rejectsWrongCheckDigits(String input) {
        assertThat(Cpf.tryParse(input)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.000.000-00", "111.111.111-11", "222.222.222-22", "333.333.333-33", "444.444.444-44",
            "555.555.555-55", "666.666.666-66", "777.777.777-77", "888.888.888-88", "999.999.999-99",
            "00000000000", "11111111111", "99999999999"})
    void rejectsAllEqualDigits(String input) {
        assertThat(Cpf.tryParse(input)).isEmpty();
    }

    @Test
    void allEqualDigitsPassTheArithmeticButAreStillRejected() {
        // Sanity check of the premise: each all-equal CPF satisfies the mod-11 check digits.
        for (char d = '0'; d <= '9'; d++) {
            String digits = String.valueOf(d).repeat(11);
            assertThat(CpfProperties.checkDigitsOf(digits.substring(0, 9))).isEqualTo(digits.substring(9));
            assertThatThrownBy(() -> new Cpf(digits)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5299822472", "529982247251", "529.982.247-2", "529.982.247-255", "1", "529.982.2470-25"})
    void rejectsWrongLengths(String input) {
        assertThat(Cpf.tryParse(input)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-2a", "abc.def.ghi-jk", "52998224a25", "529 982 247 25", "529/982/247-25",
            "529..982.247-25", "529.982.247--25", "５２９９８２２４７２５", "529.982.247-25\n1"})
    void rejectsLettersAndOtherCharacters(String input) {
        assertThat(Cpf.tryParse(input)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsNullAndBlank(String input) {
        assertThat(Cpf.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> Cpf.parse(input, "input.cpf")).isInstanceOf(DomainException.class);
    }

    @Test
    void parseThrowsInvalidCpfNamingTheField() {
        assertThatThrownBy(() -> Cpf.parse("529.982.247-26", "input.cpf"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.INVALID_CPF);
                    assertThat(e.extensions())
                            .containsEntry("code", "INVALID_CPF")
                            .containsEntry("field", "input.cpf");
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void constructorRejectsInvalidDigits() {
        assertThatThrownBy(() -> new Cpf("529.982.247-25")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cpf("52998224726")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cpf(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Cpf("52998224725").digits()).isEqualTo("52998224725");
    }

    @Test
    void formatted() {
        Cpf cpf = Cpf.parse("52998224725", "cpf");
        assertThat(cpf.formatted()).isEqualTo("529.982.247-25");
        assertThat(cpf).hasToString("529.982.247-25");
    }

    @Test
    void sameDigitsAreEqualWhateverThePunctuation() {
        assertThat(Cpf.parse("529.982.247-25", "cpf")).isEqualTo(Cpf.parse("52998224725", "cpf"));
    }
}
