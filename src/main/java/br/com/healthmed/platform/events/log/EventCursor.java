package br.com.healthmed.platform.events.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The id a subscriber sees for an event: where it stands in the subscriber's own log. Opaque to clients
 * (base64url of {@code <tag>:<owner>:<position>:<appended at, epoch ms>}); the tag names the kind of log
 * ({@code ev1} for appointment events, {@code cr1} for clinical-record events), so an id of one log is never
 * taken for a place in another; the owner, so that someone else's id is recognised as not the caller's; the
 * time, so that an id older than the retention is told apart from one that never existed.
 */
record EventCursor(String tag, String owner, long position, long appendedAtMillis) {

    static EventCursor of(String tag, Logged<?> logged) {
        return new EventCursor(tag, logged.owner().value().toString(), logged.position(), logged.appendedAt().toEpochMilli());
    }

    /**
     * A cursor before every position the owner's log can have (positions start at a day number times
     * 10⁹), made when the log was empty: after it comes the whole log. It expires like an event's id.
     */
    static EventCursor beforeEverything(String tag, String owner, Instant now) {
        return new EventCursor(tag, owner, 0, now.toEpochMilli());
    }

    boolean isBeforeEverything() {
        return position == 0;
    }

    String encoded() {
        String plain = tag + ":" + owner + ":" + position + ":" + appendedAtMillis;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    Instant appendedAt() {
        return Instant.ofEpochMilli(appendedAtMillis);
    }

    boolean names(Logged<?> logged) {
        return logged.owner().value().toString().equals(owner) && logged.position() == position
                && logged.appendedAt().toEpochMilli() == appendedAtMillis;
    }

    /** The cursor an id stands for, if it is one of a log tagged {@code tag} made by this service. */
    static Optional<EventCursor> parse(String tag, String id) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4 || !tag.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new EventCursor(tag, parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException notOurs) { // bad base64 or number
            return Optional.empty();
        }
    }
}
