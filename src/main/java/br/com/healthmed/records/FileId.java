package br.com.healthmed.records;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A health-record file's id: random, carries no personal data. */
@NamedInterface("api")
public record FileId(UUID value) implements EntityId {

    public FileId {
        Objects.requireNonNull(value);
    }

    public static FileId random() {
        return new FileId(UUID.randomUUID());
    }

    public static FileId of(String value) {
        return new FileId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
