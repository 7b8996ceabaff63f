package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The id a subscriber sees for an event: where it stands in the subscriber's own log. Opaque to
 * clients (base64url of {@code ev1:<account>:<position>:<appended at, epoch ms>}); carries the account
 * so that someone else's id is recognised as not the caller's, and the time so that an id older than
 * the retention is told apart from one that never existed.
 */
record EventCursor(AccountId account, long position, long appendedAtMillis) {

    private static final String VERSION = "ev1";

    static EventCursor of(AppointmentEventStore.Logged logged) {
        return new EventCursor(logged.account(), logged.position(), logged.appendedAt().toEpochMilli());
    }

    /**
     * A cursor before every position the account's log can have (positions start at a day number times
     * 10⁹), made when the log was empty: after it comes the whole log. It expires like an event's id.
     */
    static EventCursor beforeEverything(AccountId account, Instant now) {
        return new EventCursor(account, 0, now.toEpochMilli());
    }

    boolean isBeforeEverything() {
        return position == 0;
    }

    String encoded() {
        String plain = VERSION + ":" + account + ":" + position + ":" + appendedAtMillis;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    Instant appendedAt() {
        return Instant.ofEpochMilli(appendedAtMillis);
    }

    boolean names(AppointmentEventStore.Logged logged) {
        return logged.account().equals(account) && logged.position() == position
                && logged.appendedAt().toEpochMilli() == appendedAtMillis;
    }

    /** The cursor an id stands for; empty when it is not one this service made. */
    static Optional<EventCursor> parse(String id) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new EventCursor(AccountId.of(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException notOurs) { // bad base64, UUID or number
            return Optional.empty();
        }
    }
}
