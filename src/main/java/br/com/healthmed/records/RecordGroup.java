package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/** A patient's named group of files ("exames de 2025", "cardiologia"); a file may be in several. */
@NamedInterface("api")
public record RecordGroup(GroupId id, AccountId owner, String name, Instant createdAt) {

    public RecordGroup {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(name);
        Objects.requireNonNull(createdAt);
    }

    public RecordGroup renamed(String newName) {
        return new RecordGroup(id, owner, newName, createdAt);
    }
}
