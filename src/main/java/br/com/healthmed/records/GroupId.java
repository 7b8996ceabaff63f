package br.com.healthmed.records;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A group of files' id: random, carries no personal data. */
@NamedInterface("api")
public record GroupId(UUID value) implements EntityId {

    public GroupId {
        Objects.requireNonNull(value);
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    public static GroupId of(String value) {
        return new GroupId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
