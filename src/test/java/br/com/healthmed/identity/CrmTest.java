package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CrmTest {

    private static final String[] ALL_UFS = {
            "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
            "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "123456/SP      | 123456 | SP",
            "123456/sp      | 123456 | SP",
            "123456-SP      | 123456 | SP",
            "123456 / SP    | 123456 | SP",
            "CRM/SP 123456  | 123456 | SP",
            "CRM-SP 123456  | 123456 | SP",
            "crm/sp 123456  | 123456 | SP",
            "CRM SP 123456  | 123456 | SP",
            "CRM 123456/SP  | 123456 | SP",
            "1234/RJ        | 1234   | RJ",
            "1234567890/MG  | 1234567890 | MG",
            "CRM/DF 0001    | 0001   | DF"})
    void acceptsTheWaysPeopleWriteACrmAndNormalises(String input, String number, String uf) {
        Crm crm = Crm.parse(input, "input.crm");
        assertThat(crm.number()).isEqualTo(number);
        assertThat(crm.uf()).isEqualTo(uf);
        assertThat(crm.value()).isEqualTo(number + "/" + uf);
        assertThat(crm).hasToString(number + "/" + uf);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(Crm.parse("  123456/sp \t", "crm").value()).isEqualTo("123456/SP");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "123/SP",            // 3 digits
            "12345678901/SP",    // 11 digits
            "123456/XX",         // unknown UF
            "123456/S",          // UF too short
            "123456/SPX",        // UF too long
            "123456",            // missing UF
            "123456/",           // missing UF
            "/SP",               // missing number
            "CRM/SP",            // missing number
            "CRM/XX 123456",     // unknown UF, UF first
            "CRM/SP 123",        // 3 digits, UF first
            "CRM/SP 12345678901",// 11 digits, UF first
            "SP/123456",         // without the CRM prefix the UF may not come first
            "123456 SP",         // no separator
            "12a456/SP",
            "123456/S1",
            "abc"})
    void rejectsWhatIsNotACrm(String input) {
        assertThat(Crm.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> Crm.parse(input, "input.crm"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityErrors.INVALID_CRM);
                    assertThat(e.extensions()).containsEntry("code", "INVALID_CRM").containsEntry("field", "input.crm");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String input) {
        assertThat(Crm.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> Crm.parse(input, "crm"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(IdentityErrors.INVALID_CRM));
    }

    static Stream<String> allUfs() {
        return Stream.of(ALL_UFS);
    }

    @ParameterizedTest
    @MethodSource("allUfs")
    void acceptsEveryUf(String uf) {
        assertThat(Crm.parse("123456/" + uf, "crm").value()).isEqualTo("123456/" + uf);
        assertThat(Crm.parse("123456/" + uf.toLowerCase(), "crm").uf()).isEqualTo(uf);
        assertThat(Crm.parse("CRM/" + uf + " 123456", "crm").value()).isEqualTo("123456/" + uf);
    }

    @Test
    void theUfListHasTheTwentySixStatesAndTheFederalDistrict() {
        assertThat(Crm.UFS).hasSize(27).containsExactlyInAnyOrder(ALL_UFS);
    }

    @Test
    void constructorValidates() {
        assertThatThrownBy(() -> new Crm("123", "SP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Crm("123456", "XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Crm("123456", "sp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Crm(null, "SP")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Crm("123456", "SP").value()).isEqualTo("123456/SP");
    }

    @Test
    void equalWhateverTheInputForm() {
        assertThat(Crm.parse("CRM-sp 123456", "crm")).isEqualTo(Crm.parse("123456/SP", "crm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345/SP", "012345/SP", "0012345/sp", "CRM-SP 00012345", "CRM/SP 0000012345"})
    void paddingZerosDoNotMakeAnotherDoctor(String typed) {
        assertThat(Crm.parse(typed, "crm").value()).isEqualTo("12345/SP");
    }

    @Test
    void aShortNumberKeepsItsFourDigitForm() {
        assertThat(Crm.parse("0001/DF", "crm").value()).isEqualTo("0001/DF");
        assertThat(Crm.parse("00001/DF", "crm").value()).isEqualTo("0001/DF");
    }
}
