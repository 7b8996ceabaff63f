package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Check-digit properties of {@link Cpf}, against an independent mod-11 implementation. */
class CpfProperties {

    @Property(tries = 1000)
    void aCpfWithCorrectCheckDigitsIsAccepted(@ForAll("nineDigits") String base) {
        String cpf = base + checkDigitsOf(base);
        boolean allEqual = cpf.chars().distinct().count() == 1;

        assertThat(Cpf.tryParse(cpf).isPresent()).isEqualTo(!allEqual);
        if (!allEqual) {
            assertThat(Cpf.tryParse(cpf)).hasValueSatisfying(c -> assertThat(c.digits()).isEqualTo(cpf));
            String punctuated = cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
            assertThat(Cpf.tryParse(punctuated)).hasValueSatisfying(c -> assertThat(c.formatted()).isEqualTo(punctuated));
        }
    }

    @Property(tries = 1000)
    void changingEitherCheckDigitMakesTheCpfRejected(@ForAll("nineDigits") String base,
                                                     @ForAll @IntRange(min = 9, max = 10) int position,
                                                     @ForAll @IntRange(min = 1, max = 9) int delta) {
        String cpf = base + checkDigitsOf(base);
        char[] chars = cpf.toCharArray();
        chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
        String changed = new String(chars);

        assertThat(changed).isNotEqualTo(cpf);
        assertThat(Cpf.tryParse(changed)).isEmpty();
    }

    @Provide
    Arbitrary<String> nineDigits() {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(9)
                .edgeCases(config -> config.add("000000000", "111111111", "999999999", "529982247"));
    }

    /** The two CPF check digits of nine digits: mod 11 with weights 10..2, then 11..2; a remainder below 2 gives 0. */
    static String checkDigitsOf(String nine) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = Character.digit(nine.charAt(i), 10);
        }
        d[9] = mod11(d, 9);
        d[10] = mod11(d, 10);
        return "" + d[9] + d[10];
    }

    private static int mod11(int[] d, int count) {
        int sum = 0;
        int weight = count + 1;
        for (int i = 0; i < count; i++) {
            sum += d[i] * weight--;
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
