package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** TOTP against the test vectors of RFC 6238 (Appendix B). */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    private static final long[] TIMES = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};

    @Test
    void theRfc6238VectorsForSha1Sha256AndSha512() {
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < TIMES.length; i++) {
            long step = Totp.step(Instant.ofEpochSecond(TIMES[i]));
            assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).as("SHA-1 at %d", TIMES[i]).isEqualTo(sha1[i]);
            assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).as("SHA-256 at %d", TIMES[i]).isEqualTo(sha256[i]);
            assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).as("SHA-512 at %d", TIMES[i]).isEqualTo(sha512[i]);
        }
    }

    @Test
    void theSixDigitCodeAppsShowIsTheLastSixDigitsOfTheSameTruncation() {
        assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(60))).isEqualTo(2);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
    }
}
