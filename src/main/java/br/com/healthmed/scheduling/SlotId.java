package br.com.healthmed.scheduling;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;

/** A slot's id: random, says nothing about the doctor or the time. */
public record SlotId(UUID value) implements EntityId {

    public SlotId {
        Objects.requireNonNull(value);
    }

    public static SlotId random() {
        return new SlotId(UUID.randomUUID());
    }

    public static SlotId of(String value) {
        return new SlotId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
