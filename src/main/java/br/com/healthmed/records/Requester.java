package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.Role;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** Who is asking, as the access log records it: an account (or nobody) and a network address. */
@NamedInterface("api")
public record Requester(Optional<AccountId> account, Optional<Role> role, String address) {

    public Requester {
        Objects.requireNonNull(account);
        Objects.requireNonNull(role);
        Objects.requireNonNull(address);
    }

    /** {@code caller} may be null: an anonymous request. */
    public static Requester of(Caller caller, String address) {
        return caller == null ? new Requester(Optional.empty(), Optional.empty(), address)
                : new Requester(Optional.of(AccountId.of(caller.accountId())), Optional.of(caller.role()), address);
    }

    public boolean is(AccountId id) {
        return account.filter(id::equals).isPresent();
    }

    public boolean isA(Role expected) {
        return role.filter(expected::equals).isPresent();
    }
}
