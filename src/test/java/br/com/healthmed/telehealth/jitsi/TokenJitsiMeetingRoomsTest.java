package br.com.healthmed.telehealth.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import br.com.healthmed.telehealth.MeetingRoomsContract;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** A self-hosted Jitsi with token auth: every link carries a token Jitsi's prosody plugin accepts. */
class TokenJitsiMeetingRoomsTest extends MeetingRoomsContract {

    private static final String APP_ID = "healthmed";
    private static final String SECRET = "a-jitsi-app-secret-of-at-least-32-bytes!";
    private static final SecretKey KEY = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));

    private final MeetingRooms rooms = new JitsiMeetingRooms(
            new JitsiProperties(URI.create("https://meet.healthmed.com.br/"), APP_ID, SECRET));

    @Override
    protected MeetingRooms rooms() {
        return rooms;
    }

    @Override
    protected String displayedName(URI joinUrl) {
        return (String) user(verify(joinUrl, START)).get("name");
    }

    @Override
    protected String roomIn(URI joinUrl) {
        String path = joinUrl.getRawPath().substring(1);
        assertThat(verify(joinUrl, START).getPayload().get("room", String.class)).isEqualTo(path);
        return path;
    }

    private static String token(URI joinUrl) {
        assertThat(joinUrl.getRawQuery()).startsWith("jwt=").doesNotContain("&");
        assertThat(joinUrl.getRawFragment()).isNull();
        return joinUrl.getRawQuery().substring("jwt=".length());
    }

    /** Parses the link's token as Jitsi would at {@code now}: signature, issuer, audience, subject, nbf, exp. */
    private static Jws<Claims> verify(URI joinUrl, Instant now) {
        return Jwts.parser()
                .verifyWith(KEY)
                .requireIssuer(APP_ID)
                .requireAudience("jitsi")
                .requireSubject("meet.healthmed.com.br")
                .clock(() -> Date.from(now))
                .build()
                .parseSignedClaims(token(joinUrl));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(Jws<Claims> jws) {
        Map<String, Object> context = jws.getPayload().get("context", Map.class);
        return (Map<String, Object>) context.get("user");
    }

    @Test
    void theTokenCarriesRoomWindowAndUserTheWayJitsiExpects() {
        MeetingRoom room = rooms.open(START, END);

        Jws<Claims> doctor = verify(rooms.joinUrl(room, DOCTOR), START);
        Jws<Claims> patient = verify(rooms.joinUrl(room, PATIENT), START);

        assertThat(doctor.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(doctor.getHeader().getType()).isEqualTo("JWT");
        Claims claims = doctor.getPayload();
        assertThat(claims.get("room", String.class)).isEqualTo(room.name());
        assertThat(claims.getNotBefore().toInstant()).isEqualTo(START.minus(Duration.ofMinutes(15)));
        assertThat(claims.getExpiration().toInstant()).isEqualTo(END.plus(Duration.ofMinutes(15)));
        assertThat(user(doctor)).containsEntry("id", DOCTOR.accountId().toString())
                .containsEntry("name", "Dra. Helena Prado")
                .containsEntry("moderator", true);
        assertThat(user(patient)).containsEntry("id", PATIENT.accountId().toString())
                .containsEntry("name", "Ana Souza")
                .containsEntry("moderator", false);
    }

    @Test
    void audienceIsAPlainStringAsJitsiComparesIt() {
        String token = token(rooms.joinUrl(rooms.open(START, END), PATIENT));
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(payload).contains("\"aud\":\"jitsi\"").contains("\"iss\":\"healthmed\"");
    }

    @Test
    void theTokenWorksOnlyFromFifteenMinutesBeforeTheStartUntilFifteenMinutesAfterTheEnd() {
        URI link = rooms.joinUrl(rooms.open(START, END), PATIENT);

        assertThatThrownBy(() -> verify(link, START.minus(Duration.ofMinutes(16)))).isInstanceOf(PrematureJwtException.class);
        assertThat(verify(link, START.minus(Duration.ofMinutes(15)))).isNotNull();
        assertThat(verify(link, END.plus(Duration.ofMinutes(14)))).isNotNull();
        assertThatThrownBy(() -> verify(link, END.plus(Duration.ofMinutes(15)).plusSeconds(1))).isInstanceOf(ExpiredJwtException.class);
    }

    @Test
    void aTokenIsRejectedUnderAnotherSecretOrWhenTampered() {
        URI link = rooms.joinUrl(rooms.open(START, END), PATIENT);
        SecretKey other = Keys.hmacShaKeyFor("another-secret-that-is-also-32-bytes-long".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Jwts.parser().verifyWith(other).build().parseSignedClaims(token(link)))
                .isInstanceOf(SignatureException.class);

        // The patient makes themselves moderator: the signature no longer matches.
        String[] parts = token(link).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"moderator\":false", "\"moderator\":true");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> Jwts.parser().verifyWith(KEY).clock(() -> Date.from(START)).build().parseSignedClaims(forged))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void eachRoomsTokenNamesOnlyThatRoom() {
        MeetingRoom first = rooms.open(START, END);
        MeetingRoom second = rooms.open(START, END);

        assertThat(verify(rooms.joinUrl(first, PATIENT), START).getPayload().get("room"))
                .isEqualTo(first.name())
                .isNotEqualTo(second.name());
    }
}
