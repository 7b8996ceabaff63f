package br.com.healthmed.records;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A share's (grant's) id: random, carries no personal data. */
@NamedInterface("api")
public record GrantId(UUID value) implements EntityId {

    public GrantId {
        Objects.requireNonNull(value);
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    public static GrantId of(String value) {
        return new GrantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
