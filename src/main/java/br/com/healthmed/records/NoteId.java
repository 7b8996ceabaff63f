package br.com.healthmed.records;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.scheduling.AppointmentId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A consultation note's id. An appointment has at most one note (changes are amendments, new versions
 * of it), so the id is derived from the appointment's: writing the note twice names the same item,
 * and the store's conditional put is the one place that decides which write was first.
 */
public record NoteId(UUID value) implements EntityId {

    public NoteId {
        Objects.requireNonNull(value);
    }

    public static NoteId of(AppointmentId appointment) {
        return new NoteId(UUID.nameUUIDFromBytes(("consultation-note:" + appointment).getBytes(StandardCharsets.UTF_8)));
    }

    public static NoteId of(String value) {
        return new NoteId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
