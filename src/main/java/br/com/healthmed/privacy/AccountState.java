package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an account stands with respect to deactivation; absent means ACTIVE, never deactivated. Stored
 * only over the {@code version} it was computed from (the commit point of a deactivation, a
 * reactivation and an anonymisation).
 *
 * @param requestId    the deactivation request this state comes from (its log items carry it)
 * @param cascadeDone  whether everything the deactivation ends has been ended (sessions, appointments,
 *                     shares, listing); until then the sweep finishes it
 */
public record AccountState(
        AccountId account,
        Role role,
        AccountStatus status,
        Optional<UUID> requestId,
        Optional<Instant> deactivatedAt,
        Optional<Instant> graceEndsAt,
        boolean cascadeDone,
        long version) {

    public AccountState {
        Objects.requireNonNull(account);
        Objects.requireNonNull(role);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(deactivatedAt);
        Objects.requireNonNull(graceEndsAt);
        if (status != AccountStatus.ACTIVE && (requestId.isEmpty() || deactivatedAt.isEmpty() || graceEndsAt.isEmpty())) {
            throw new IllegalArgumentException("A deactivated account has its request, instant and grace");
        }
    }

    public static AccountState active(AccountId account, Role role) {
        return new AccountState(account, role, AccountStatus.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty(), false, 0);
    }

    public AccountState deactivated(UUID request, Instant at, Instant graceEnds) {
        return new AccountState(account, role, AccountStatus.DEACTIVATED, Optional.of(request), Optional.of(at), Optional.of(graceEnds),
                false, version);
    }

    public AccountState cascaded() {
        return new AccountState(account, role, status, requestId, deactivatedAt, graceEndsAt, true, version);
    }

    public AccountState reactivated() {
        return new AccountState(account, role, AccountStatus.ACTIVE, requestId, deactivatedAt, graceEndsAt, cascadeDone, version);
    }

    public AccountState anonymised() {
        return new AccountState(account, role, AccountStatus.ANONYMISED, requestId, deactivatedAt, graceEndsAt, true, version);
    }

    public boolean withinGraceAt(Instant now) {
        return status == AccountStatus.DEACTIVATED && graceEndsAt.filter(now::isBefore).isPresent();
    }
}
