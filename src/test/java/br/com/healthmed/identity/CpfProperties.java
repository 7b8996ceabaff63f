package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Check-digit properties of {@link Cpf}, against an independent mod-11 implementation: a thousand
 * seeded random bases plus the edge cases, the seed in every failure message so it can be replayed.
 */
class CpfProperties {

    private static final int TRIES = 1000;
    private static final List<String> EDGE_CASES = List.of("000000000", "111111111", "999999999", "529982247");

    private final long seed = new Random().nextLong();
    private final Random random = new Random(seed);

    @Test
    void aCpfWithCorrectCheckDigitsIsAccepted() {
        for (String base : bases()) {
            String cpf = base + checkDigitsOf(base);
            boolean allEqual = cpf.chars().distinct().count() == 1;
            String context = "seed " + seed + ", cpf " + cpf;

            assertThat(Cpf.tryParse(cpf).isPresent()).as(context).isEqualTo(!allEqual);
            if (!allEqual) {
                assertThat(Cpf.tryParse(cpf)).as(context).hasValueSatisfying(c -> assertThat(c.digits()).isEqualTo(cpf));
                String punctuated = cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
                assertThat(Cpf.tryParse(punctuated)).as(context)
                        .hasValueSatisfying(c -> assertThat(c.formatted()).isEqualTo(punctuated));
            }
        }
    }

    @Test
    void changingEitherCheckDigitMakesTheCpfRejected() {
        for (String base : bases()) {
            int position = 9 + random.nextInt(2);
            int delta = 1 + random.nextInt(9);
            String cpf = base + checkDigitsOf(base);
            char[] chars = cpf.toCharArray();
            chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
            String changed = new String(chars);
            String context = "seed " + seed + ", cpf " + cpf + " changed to " + changed;

            assertThat(changed).as(context).isNotEqualTo(cpf);
            assertThat(Cpf.tryParse(changed)).as(context).isEmpty();
        }
    }

    /** The edge cases, then random nine-digit strings. */
    private List<String> bases() {
        List<String> bases = new ArrayList<>(EDGE_CASES);
        while (bases.size() < TRIES) {
            StringBuilder digits = new StringBuilder(9);
            for (int i = 0; i < 9; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            bases.add(digits.toString());
        }
        return bases;
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
