package br.com.healthmed.telehealth.jitsi;

import br.com.healthmed.telehealth.MeetingParticipant;
import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * {@link MeetingRooms} on Jitsi Meet: a room is {@code <base-url><random name>}, and nothing is
 * created on the Jitsi side ahead of time (Jitsi creates a room when its first participant arrives).
 *
 * <p>Public Jitsi (no app id/secret): the link is the room URL, with the display name in the
 * fragment ({@code #userInfo.displayName="..."}), which browsers never send to a server. Anyone
 * holding the link can enter: the room name's 160 random bits are the protection.
 *
 * <p>Self-hosted Jitsi with token auth: each participant's link carries {@code ?jwt=}, an HS256 token
 * signed with the app secret, in the shape Jitsi's {@code token} authentication expects —
 * {@code iss} = app id, {@code aud} = {@code jitsi}, {@code sub} = the Jitsi domain, {@code room},
 * {@code nbf} = 15 minutes before the start, {@code exp} = 15 minutes after the end, and
 * {@code context.user} = {@code {id, name, moderator}}. Only the doctor is moderator.
 */
final class JitsiMeetingRooms implements MeetingRooms {

    /** Participants may enter this long before the start. */
    static final Duration EARLY_ENTRY = Duration.ofMinutes(15);
    /** A token stays usable this long after the end, for a consultation that runs over. */
    static final Duration TOKEN_GRACE = Duration.ofMinutes(15);
    static final String AUDIENCE = "jitsi";

    private final URI baseUrl;
    private final @Nullable String appId;
    private final String domain;
    private final @Nullable SecretKey secret;

    JitsiMeetingRooms(JitsiProperties properties) {
        this.baseUrl = properties.baseUrl();
        this.appId = properties.appId();
        this.domain = properties.domain();
        this.secret = properties.tokenAuth()
                ? Keys.hmacShaKeyFor(properties.appSecret().getBytes(StandardCharsets.UTF_8))
                : null;
    }

    @Override
    public MeetingRoom open(Instant start, Instant end) {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a consultation ends after it starts");
        }
        return new MeetingRoom(RoomNames.next(), start.minus(EARLY_ENTRY), end);
    }

    @Override
    public URI joinUrl(MeetingRoom room, MeetingParticipant participant) {
        String name = DisplayNames.clean(participant.displayName());
        String roomUrl = baseUrl + room.name();
        if (secret == null) {
            return URI.create(roomUrl + "#userInfo.displayName=" + percentEncode(jsonString(name)));
        }
        return URI.create(roomUrl + "?jwt=" + token(room, participant, name));
    }

    private String token(MeetingRoom room, MeetingParticipant participant, String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", participant.accountId().toString());
        user.put("name", name);
        user.put("moderator", participant.moderator());
        return Jwts.builder()
                .header().type("JWT").and()
                .issuer(appId)
                // Jitsi compares aud as a string; jjwt would otherwise write a one-element array.
                .audience().single(AUDIENCE)
                .subject(domain)
                .claim("room", room.name())
                .notBefore(Date.from(room.opensAt()))
                .expiration(Date.from(room.closesAt().plus(TOKEN_GRACE)))
                .claim("context", Map.of("user", user))
                .signWith(secret, Jwts.SIG.HS256)
                .compact();
    }

    /** A JSON string literal: Jitsi reads fragment parameters as JSON. */
    private static String jsonString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Everything but RFC 3986 unreserved characters percent-encoded, as UTF-8. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return encoded.toString();
    }
}
