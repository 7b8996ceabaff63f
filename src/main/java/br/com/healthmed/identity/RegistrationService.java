package br.com.healthmed.identity;

import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageDeadline;
import br.com.healthmed.specialty.SpecialtyErrors;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Creates accounts. Uniqueness of e-mail, CPF and CRM rests on login claims, taken one by one with
 * conditional writes before the account is written; a claim that cannot be taken undoes the ones
 * taken before it. No step needs a multi-item transaction.
 *
 * <p>If the process dies between claiming and writing the account, the claims stay behind without
 * an account. Such a claim older than {@link LoginClaims#ABANDONED_AFTER} is taken over by the next
 * registration that needs it, so no identifier is lost for good.
 *
 * <p>A new patient is sent a code to verify the e-mail ({@link EmailVerification}); registration
 * succeeds even when that e-mail cannot go out now (the patient asks for another without a session,
 * {@link VerificationCodeRequests}).
 *
 * <p>The API registers patients with {@link #acceptPatientRegistration}, whose answer is the same whether
 * the e-mail or the CPF already had an account: the account is created after the answer, on the
 * {@link RegistrationQueue}, and the address given is told by e-mail what happened.
 */
@Service
public class RegistrationService {

    private final AccountStore accounts;
    private final LoginClaims claims;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final SpecialtyCatalog specialties;
    private final LoginThrottle throttle;
    private final AccountRules rules;
    private final RegistrationMailing mailing;
    private final RegistrationQueue queue;
    private final TwoFactorStore twoFactor;
    private final Clock clock;

    /** How long after a doctor's registration a retry with its idempotency key is answered as the first attempt was. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(15);

    RegistrationService(AccountStore accounts, LoginClaims claims, PasswordPolicy passwordPolicy,
                        PasswordHasher passwords, SpecialtyCatalog specialties, LoginThrottle throttle,
                        AccountRules rules, RegistrationMailing mailing, RegistrationQueue queue, TwoFactorStore twoFactor,
                        Clock clock) {
        this.queue = queue;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.claims = claims;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.specialties = specialties;
        this.throttle = throttle;
        this.rules = rules;
        this.mailing = mailing;
        this.clock = clock;
    }

    /**
     * Registers a patient, answering the same whatever accounts exist (no account enumeration): returns
     * the normalised address, and what happened is told to that address by e-mail. A new e-mail and CPF:
     * the account is created unverified and its code sent. An e-mail that has an account: nothing is
     * created, and its owner hears that someone tried. A CPF that has an account, with a new e-mail:
     * nothing is created, and the address given hears that the registration could not be completed.
     * Malformed input and {@code TOO_MANY_ATTEMPTS} are refused as before: they depend on no account.
     *
     * <p>Timing must not tell the cases apart either. On the request's thread every case does the same
     * work: the validation, the registration counted, the password hashed (here, so that the hashing
     * limit still pushes back with {@code SERVICE_BUSY}), one task queued. The claims, the account and
     * the e-mail, whose storage work differs between the cases, run in that task after the answer
     * ({@link RegistrationQueue}). The claims still decide between racing registrations: of any number
     * of registrations of one e-mail, exactly one creates an account. A full queue is {@code SERVICE_BUSY}
     * for every case alike.
     */
    public Email acceptPatientRegistration(NewPatient input, String clientAddress) {
        PatientAccount candidate = newPatient(input, clientAddress);
        queue.submit(() -> complete(candidate));
        return candidate.email();
    }

    /** The queued part of {@link #acceptPatientRegistration}: the account if its e-mail and CPF are free, and the one e-mail. */
    private void complete(PatientAccount candidate) {
        try {
            createPatient(candidate);
        } catch (DomainException taken) {
            if (taken.code() == IdentityErrors.EMAIL_TAKEN) {
                mailing.tellOwnerOfAttempt(candidate.email());
            } else if (taken.code() == IdentityErrors.CPF_TAKEN) {
                mailing.tellRegistrationNotCompleted(candidate.email(), candidate.name());
            } else {
                throw taken;
            }
            return;
        }
        mailing.sendVerificationCode(candidate);
    }

    /**
     * Waits until every queued registration (and session-less code request) has finished, at most
     * {@code timeout}; true if so. For tests, which count accounts and e-mails only after the work ran.
     */
    public boolean awaitQueuedRegistrations(Duration timeout) {
        return queue.awaitIdle(timeout);
    }

    /**
     * Registers a patient, refusing with {@code EMAIL_TAKEN} or {@code CPF_TAKEN} (field {@code input.email} /
     * {@code input.cpf}) when another account has either. For callers inside the service and tests; the
     * API answers through {@link #acceptPatientRegistration}, which says nothing of other accounts. The
     * account is written, and its code sent, before this returns.
     */
    public PatientAccount registerPatient(NewPatient input, String clientAddress) {
        PatientAccount account = newPatient(input, clientAddress);
        createPatient(account);
        mailing.sendVerificationCode(account);
        return account;
    }

    /** Validates the input, counts the registration against {@code clientAddress}, and hashes the password. */
    private PatientAccount newPatient(NewPatient input, String clientAddress) {
        String name = AccountRules.name(input.name(), "input.name");
        Email email = Email.parse(input.email(), "input.email");
        Cpf cpf = Cpf.parse(input.cpf(), "input.cpf");
        LocalDate birthDate = rules.birthDate(input.birthDate(), "input.birthDate");
        Optional<Phone> phone = input.phone().filter(p -> !p.isBlank()).map(p -> Phone.parse(p, "input.phone"));
        String password = PasswordHasher.normalised(input.password());
        passwordPolicy.check(password, "input.password");
        throttle.registration(clientAddress);
        return new PatientAccount(AccountId.random(), name, email, cpf, birthDate, phone,
                passwords.hash(password), clock.instant());
    }

    private void createPatient(PatientAccount account) {
        create(account, Map.of(
                LoginClaim.of(account.email()), IdentityErrors.EMAIL_TAKEN,
                LoginClaim.of(account.cpf()), IdentityErrors.CPF_TAKEN));
    }

    /** Registers a doctor; {@code clientAddress} is counted against mass registration. */
    public DoctorAccount registerDoctor(NewDoctor input, String clientAddress) {
        String name = AccountRules.name(input.name(), "input.name");
        Crm crm = Crm.parse(input.crm(), "input.crm");
        List<String> codes = specialtyCodes(input.specialties());
        String password = PasswordHasher.normalised(input.password());
        passwordPolicy.check(password, "input.password");
        throttle.registration(clientAddress);

        Optional<String> key = input.idempotencyKey().map(RegistrationService::idempotencyKey);
        AccountId id = key.map(k -> new AccountId(IdempotencyKeys.derivedId(crm, "registerDoctor", k))).orElseGet(AccountId::random);
        Optional<DoctorAccount> earlier = key.flatMap(k -> sameRegistrationAgain(id, name, crm, codes, password));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DoctorAccount account = new DoctorAccount(id, name, crm, codes, passwords.hash(password), clock.instant());
        try {
            create(account, Map.of(LoginClaim.of(crm), IdentityErrors.CRM_TAKEN));
        } catch (IllegalStateException twin) {
            // the store refused a second account with this id: an attempt with the same key (the one this
            // retries, still hashing when this one began) wrote it first. Answered as a retry of it.
            if (key.isEmpty()) {
                throw twin;
            }
            return sameRegistrationAgain(id, name, crm, codes, password).orElseThrow(() -> twin);
        }
        return account;
    }

    /**
     * The account a keyed registration's earlier attempt made, if this is the same registration sent again: the
     * same key and CRM (the id derives from both), the same name and specialties, a password that matches its hash,
     * within {@link #RETRY_WINDOW} of its creation and before any two-factor enrolment. Anything else is answered
     * as a registration of a CRM that is taken ({@code CRM_TAKEN}, by {@link #create}), so the key opens nothing
     * that the CRM and the password would not open at login, and only for a fresh account: see
     * docs/account-security.md, "Registration sent again".
     */
    private Optional<DoctorAccount> sameRegistrationAgain(AccountId id, String name, Crm crm, List<String> codes, String password) {
        Optional<DoctorAccount> stored = accounts.find(id).filter(DoctorAccount.class::isInstance).map(DoctorAccount.class::cast);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        DoctorAccount earlier = stored.get();
        boolean same = earlier.crm().equals(crm) && earlier.name().equals(name) && earlier.specialties().equals(codes)
                && earlier.email().isEmpty() && earlier.phone().isEmpty()
                && !earlier.createdAt().plus(RETRY_WINDOW).isBefore(clock.instant())
                && twoFactor.find(id).isEmpty()
                && passwords.matches(password, earlier.passwordHash());
        if (!same) {
            throw DomainException.invalid(IdentityErrors.CRM_TAKEN, "input.crm", takenMessage(LoginClaim.of(crm)));
        }
        return Optional.of(earlier);
    }

    private static String idempotencyKey(String key) {
        if (!key.matches(IdempotencyKeys.PATTERN)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.idempotencyKey", "idempotencyKey " + IdempotencyKeys.MESSAGE + ".");
        }
        return key;
    }

    /** Takes every claim (in a fixed order), then writes the account; undoes the claims on failure. */
    private void create(Account account, Map<LoginClaim, ErrorCode> claimsWithCodes) {
        List<LoginClaim> ordered = claimsWithCodes.keySet().stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
        List<LoginClaim> taken = new ArrayList<>();
        try {
            for (LoginClaim claim : ordered) {
                if (!claims.take(claim, account.id())) {
                    ErrorCode code = claimsWithCodes.get(claim);
                    throw DomainException.invalid(code, "input." + claim.kind().name().toLowerCase(Locale.ROOT), takenMessage(claim));
                }
                taken.add(claim);
            }
            accounts.create(account);
        } catch (RuntimeException failure) {
            releaseUnlessStored(account, taken, failure);
            throw failure;
        }
    }

    /**
     * Gives the claims back, unless the account was written after all (a write whose answer was lost).
     * A failure here must not hide the original one; an unreleased claim is recovered later anyway.
     */
    private void releaseUnlessStored(Account account, List<LoginClaim> taken, RuntimeException original) {
        if (taken.isEmpty()) {
            return;
        }
        // whatever the request's storage deadline left: giving the claims back now spares their owner a wait
        try (StorageDeadline.Scope lifted = StorageDeadline.lifted()) {
            if (accounts.find(account.id()).isEmpty()) {
                taken.forEach(claim -> claims.release(claim, account.id()));
            }
        } catch (RuntimeException cleanup) {
            original.addSuppressed(cleanup);
        }
    }

    private static String takenMessage(LoginClaim claim) {
        return switch (claim.kind()) {
            case EMAIL -> "An account with this e-mail already exists; log in or recover your password.";
            case CPF -> "An account with this CPF already exists; log in or recover your password.";
            case CRM -> "A doctor with this CRM is already registered.";
        };
    }

    private List<String> specialtyCodes(List<String> codes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(codes == null ? List.of() : codes));
        if (distinct.isEmpty() || distinct.size() > 5) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.specialties",
                    "Give 1 to 5 specialties (codes from the specialties query).");
        }
        List<String> unknown = specialties.unknown(distinct);
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(SpecialtyErrors.UNKNOWN_SPECIALTY, "input.specialties",
                    "Unknown specialty codes " + unknown + "; use codes from the specialties query.");
        }
        return distinct;
    }
}
