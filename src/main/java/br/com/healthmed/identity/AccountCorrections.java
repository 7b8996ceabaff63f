package br.com.healthmed.identity;

import br.com.healthmed.identity.AccountCorrection.BirthDateCorrection;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * {@code updateMyAccount}: the owner corrects the account's name and phone, and a patient the birth
 * date, with a reason that is kept with the account (LGPD art. 18, III). The same rules and error codes
 * as registration ({@link AccountRules}, {@link Phone}). CPF and CRM are identities, not data to
 * correct here; e-mail has its own flow ({@link EmailChange}).
 */
@Service
public class AccountCorrections {

    /** Birth-date corrections kept per account, at most; past it the owner asks support (a sign of misuse otherwise). */
    static final int MAX_BIRTH_DATE_CORRECTIONS = 20;

    private final AccountStore accounts;
    private final AccountRules rules;
    private final SecurityLog securityLog;
    private final Clock clock;

    AccountCorrections(AccountStore accounts, AccountRules rules, SecurityLog securityLog, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** What the owner typed: {@code null} leaves a part as it is; a blank phone removes it. */
    public record Input(String name, String phone, LocalDate birthDate, String birthDateReason) {}

    public Account update(AccountId caller, Input input, Optional<String> clientAddress) {
        Account account = accounts.find(caller).orElseThrow(() -> DomainException.notFound("Account"));
        Optional<String> name = Optional.ofNullable(input.name()).map(n -> AccountRules.name(n, "input.name"))
                .filter(n -> !n.equals(account.name()));
        Optional<Phone> current = account.phone();
        boolean removePhone = input.phone() != null && input.phone().isBlank() && current.isPresent();
        Optional<Phone> phone = Optional.ofNullable(input.phone()).filter(p -> !p.isBlank())
                .map(p -> Phone.parse(p, "input.phone")).filter(p -> !current.equals(Optional.of(p)));
        Optional<BirthDateCorrection> birthDate = birthDate(account, input);
        AccountCorrection correction = new AccountCorrection(name, phone, removePhone, birthDate);
        if (correction.isEmpty()) {
            return account;
        }
        accounts.correct(caller, correction);
        securityLog.record(caller, SecurityEventKind.ACCOUNT_UPDATED, clientAddress);
        return accounts.find(caller).orElseThrow(() -> DomainException.notFound("Account"));
    }

    private Optional<BirthDateCorrection> birthDate(Account account, Input input) {
        if (input.birthDate() == null) {
            if (input.birthDateReason() != null) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.birthDateReason", "A reason goes with a new birth date.");
            }
            return Optional.empty();
        }
        if (!(account instanceof PatientAccount patient)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.birthDate", "Doctor accounts have no birth date.");
        }
        LocalDate corrected = rules.birthDate(input.birthDate(), "input.birthDate");
        String reason = AccountRules.reason(input.birthDateReason(), "input.birthDateReason");
        if (corrected.equals(patient.birthDate())) {
            return Optional.empty();
        }
        if (accounts.birthDateCorrections(patient.id()).size() >= MAX_BIRTH_DATE_CORRECTIONS) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.birthDate",
                    "This birth date has been corrected too often; ask support to correct it.");
        }
        return Optional.of(new BirthDateCorrection(patient.birthDate(), corrected, reason, clock.instant()));
    }
}
