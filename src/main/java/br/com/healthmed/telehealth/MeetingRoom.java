package br.com.healthmed.telehealth;

import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A consultation's room. {@code name} is unguessable (at least 128 random bits) and carries no names
 * or ids. Participants may join from {@code opensAt} (15 minutes before the start) until
 * {@code closesAt} (the end of the consultation).
 */
@NamedInterface("api")
public record MeetingRoom(String name, Instant opensAt, Instant closesAt) {

    public MeetingRoom {
        Objects.requireNonNull(name);
        Objects.requireNonNull(opensAt);
        Objects.requireNonNull(closesAt);
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a room closes after it opens");
        }
    }

    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }
}
