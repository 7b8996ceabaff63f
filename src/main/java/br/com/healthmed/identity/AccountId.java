package br.com.healthmed.identity;

import br.com.healthmed.platform.EntityId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An account's id: random, carries no personal data. */
@NamedInterface("api")
public record AccountId(UUID value) implements EntityId {

    public AccountId {
        Objects.requireNonNull(value);
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    public static AccountId of(String value) {
        return new AccountId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
