package br.com.healthmed.privacy;

import br.com.healthmed.directory.DirectoryWithdrawal;
import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountStanding;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Login's rule about deactivated accounts: none logs in ({@code ACCOUNT_DEACTIVATED}, once the password
 * was proven, so the answer tells a stranger nothing); within the grace the owner takes the account back
 * with {@code reactivateAccount}. Appointments cancelled and shares revoked stay so; a doctor is listed
 * in search again.
 */
@Component
class DeactivationStanding implements AccountStanding {

    private final DeactivationStore store;
    private final DirectoryWithdrawal directory;
    private final SecurityLog securityLog;
    private final Clock clock;

    DeactivationStanding(DeactivationStore store, DirectoryWithdrawal directory, SecurityLog securityLog, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** Login of a deactivated account: {@code ACCOUNT_DEACTIVATED}, saying until when it may come back. */
    @Override
    public void admit(AccountSummary account) {
        Optional<AccountState> state = store.state(account.id()).filter(s -> s.status() != AccountStatus.ACTIVE);
        if (state.isPresent()) {
            Instant until = state.get().graceEndsAt().orElseThrow();
            throw new DomainException(PrivacyErrors.ACCOUNT_DEACTIVATED,
                    "This account was deactivated by its owner. Within the grace period, take it back with reactivateAccount.",
                    Map.of("reactivableUntil", until.toString(), "reactivable", state.get().withinGraceAt(clock.instant())));
        }
    }

    /** {@code reactivateAccount} within the grace: the account is active again and a doctor listed again. */
    @Override
    public boolean restore(AccountSummary account, String clientAddress) {
        for (int attempt = 0; attempt < Deactivations.ATTEMPTS; attempt++) {
            Optional<AccountState> found = store.state(account.id());
            if (found.isEmpty() || found.get().status() == AccountStatus.ACTIVE) {
                return false;
            }
            AccountState current = found.get();
            if (!current.withinGraceAt(clock.instant())) {
                throw new DomainException(PrivacyErrors.REACTIVATION_PERIOD_ENDED,
                        "The period to take this account back has ended; you may register again.");
            }
            if (store.save(current.reactivated(), current.version())) {
                if (current.role() == Role.DOCTOR) {
                    directory.restore(account.id());
                }
                store.append(new DeactivationRecord(current.requestId().orElseThrow(), DeactivationRecord.Step.REACTIVATED, account.id(),
                        current.role(), clock.instant(), Optional.empty(), Optional.of(clientAddress), Map.of()));
                securityLog.record(account.id(), SecurityEventKind.ACCOUNT_REACTIVATED, Optional.of(clientAddress));
                return true;
            }
        }
        throw new DomainException(PlatformErrors.SERVICE_BUSY, "Your account is changing right now; try again.", Map.of("retryAfterSeconds", 1));
    }

}
