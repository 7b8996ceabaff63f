package br.com.healthmed.platform.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Base32 against the test vectors of RFC 4648 (section 10). */
class Base32Test {

    @Test
    void base32AsRfc4648SaysAndBack() {
        String[][] vectors = {{"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"},
                {"foobar", "MZXW6YTBOI"}};
        for (String[] vector : vectors) {
            assertThat(Base32.encode(vector[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(vector[1]);
            assertThat(Base32.decode(vector[1].toLowerCase() + "=")).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo(vector[0]));
        }
        assertThat(Base32.decode("MZ1W")).isEmpty();
    }
}
