package br.com.healthmed.privacy;

import br.com.healthmed.directory.DirectoryWithdrawal;
import br.com.healthmed.identity.AccountErasure;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * After the grace: personal data not under a legal duty is anonymised (LGPD art. 16, 18 VI) and the
 * login claims released, so the person may register again; what a legal duty keeps stays (docs/privacy.md,
 * retention table): the clinical record (Lei 13.787/2018), the appointment history, the access and
 * security logs. Steps first, state last: a run that dies half-way is run again whole by the next sweep,
 * each step changing nothing the second time.
 */
@Component
class Anonymisation {

    private final AccountErasure accounts;
    private final DirectoryWithdrawal directory;
    private final DeactivationCascade cascade;
    private final DeactivationStore store;
    private final Clock clock;

    Anonymisation(AccountErasure accounts, DirectoryWithdrawal directory, DeactivationCascade cascade, DeactivationStore store,
                  Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.cascade = cascade;
        this.store = store;
        this.clock = clock;
    }

    /** Anonymises the account if its grace has ended and it is still deactivated; true when this call did. */
    boolean runIfDue(AccountState due) {
        Optional<AccountState> found = store.state(due.account());
        if (found.isEmpty() || found.get().status() != AccountStatus.DEACTIVATED || found.get().withinGraceAt(clock.instant())) {
            return false;
        }
        AccountState current = found.get();
        if (!current.cascadeDone()) {
            current = cascade.run(current, br.com.healthmed.platform.web.ClientAddress.UNKNOWN.value());
            if (current.status() != AccountStatus.DEACTIVATED) {
                return false;
            }
        }
        accounts.anonymise(current.account());
        if (current.role() == Role.DOCTOR) {
            directory.erase(current.account());
        }
        if (!store.save(current.anonymised(), current.version())) {
            return false;
        }
        store.append(new DeactivationRecord(current.requestId().orElseThrow(), DeactivationRecord.Step.ANONYMISED, current.account(),
                current.role(), clock.instant(), Optional.empty(), Optional.empty(),
                current.role() == Role.DOCTOR
                        ? Map.of("loginClaimsReleased", "CRM", "directoryProfile", "erased", "kept", "name, CRM (legal duty)")
                        : Map.of("loginClaimsReleased", "EMAIL, CPF", "anonymised", "name, email, phone, birth date (year kept)",
                                "kept", "CPF, health record, appointment history (legal duty)")));
        return true;
    }
}
