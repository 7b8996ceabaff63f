package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.PasswordProof;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * "Inativação": the owner deactivates the account with the password and, optionally, a reason; the
 * request is recorded, the account is out from that moment (login answers {@code ACCOUNT_DEACTIVATED}),
 * and the cascade ends what it had running. Within the grace ({@code healthmed.lgpd.deactivation-grace})
 * the owner takes it back with {@code reactivateAccount} ({@link DeactivationStanding}); after it,
 * {@link Anonymisation} runs.
 *
 * <p>The commit point of each change is one version-guarded write of the account's state; the records
 * are appended after it, each once per request and step, so repeating any step changes nothing.
 */
@Service
public class Deactivations {

    static final int MAX_REASON_LENGTH = 500;
    static final int ATTEMPTS = 3;

    private final DeactivationStore store;
    private final DeactivationCascade cascade;
    private final PasswordProof passwords;
    private final SecurityLog securityLog;
    private final PrivacyProperties properties;
    private final Clock clock;

    Deactivations(DeactivationStore store, DeactivationCascade cascade, PasswordProof passwords, SecurityLog securityLog,
                  PrivacyProperties properties, Clock clock) {
        this.store = store;
        this.cascade = cascade;
        this.passwords = passwords;
        this.securityLog = securityLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deactivates the caller's account (see the class comment); returns its state afterwards. */
    public AccountState deactivate(AccountId account, Role role, String password, Optional<String> reason, String clientAddress) {
        Optional<String> why = reason(reason);
        passwords.confirmPassword(account, password, clientAddress);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AccountState current = store.state(account).orElse(AccountState.active(account, role));
            if (current.status() != AccountStatus.ACTIVE) {
                return current; // a repeated request: deactivated already
            }
            Instant now = clock.instant();
            AccountState deactivated = current.deactivated(UUID.randomUUID(), now, now.plus(properties.deactivationGrace()));
            if (store.save(deactivated, current.version())) {
                AccountState stored = withVersion(deactivated, current.version() + 1);
                store.append(new DeactivationRecord(stored.requestId().orElseThrow(), DeactivationRecord.Step.REQUESTED, account, role,
                        now, why, Optional.of(clientAddress), Map.of("graceEndsAt", stored.graceEndsAt().orElseThrow().toString())));
                securityLog.record(account, SecurityEventKind.ACCOUNT_DEACTIVATED, Optional.of(clientAddress));
                return cascade.run(stored, clientAddress);
            }
        }
        throw new DomainException(PlatformErrors.SERVICE_BUSY, "Your account is changing right now; try again.", Map.of("retryAfterSeconds", 1));
    }

    private static Optional<String> reason(Optional<String> reason) {
        Optional<String> stripped = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (stripped.isPresent()) {
            String text = stripped.get();
            if (text.codePointCount(0, text.length()) > MAX_REASON_LENGTH
                    || text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n'
                            || Character.getType(c) == Character.FORMAT)) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "reason",
                        "reason must have at most " + MAX_REASON_LENGTH + " characters, without control characters.");
            }
        }
        return stripped;
    }

    static AccountState withVersion(AccountState state, long version) {
        return new AccountState(state.account(), state.role(), state.status(), state.requestId(), state.deactivatedAt(),
                state.graceEndsAt(), state.cascadeDone(), version);
    }
}
