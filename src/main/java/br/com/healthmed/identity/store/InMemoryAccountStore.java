package br.com.healthmed.identity.store;

import br.com.healthmed.identity.Account;
import br.com.healthmed.identity.AccountCorrection;
import br.com.healthmed.identity.AccountCorrection.BirthDateCorrection;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.Phone;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accounts in memory: the embedded default. */
class InMemoryAccountStore implements AccountStore {

    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
    private final Map<AccountId, List<BirthDateCorrection>> corrections = new ConcurrentHashMap<>();

    @Override
    public void create(Account account) {
        Account existing = accounts.putIfAbsent(account.id(), account);
        if (existing != null && !existing.equals(account)) {
            throw new IllegalStateException("Account " + account.id() + " exists");
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Map<AccountId, Account> findAll(Collection<AccountId> ids) {
        Map<AccountId, Account> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(account -> found.put(id, account)));
        return found;
    }

    @Override
    public void replace(Account account) {
        accounts.computeIfPresent(account.id(), (key, stored) -> {
            if (stored.role() != account.role()) {
                throw new IllegalArgumentException("An account keeps its role");
            }
            return account;
        });
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        accounts.computeIfPresent(id, (key, account) -> account.withPasswordHash(passwordHash));
    }

    @Override
    public boolean changeEmail(AccountId id, Optional<Email> from, Email to) {
        Account changed = accounts.computeIfPresent(id, (key, account) ->
                account.loginEmail().equals(from) ? account.withEmail(to) : account);
        return changed != null && changed.loginEmail().equals(Optional.of(to)) && verified(changed);
    }

    @Override
    public boolean markEmailVerified(AccountId id, Email email) {
        Account changed = accounts.computeIfPresent(id, (key, account) ->
                account instanceof PatientAccount patient && patient.email().equals(email) ? patient.verified() : account);
        return changed instanceof PatientAccount patient && patient.email().equals(email) && patient.emailVerified();
    }

    @Override
    public void correct(AccountId id, AccountCorrection correction) {
        accounts.computeIfPresent(id, (key, account) -> {
            correction.birthDate().ifPresent(birthDate ->
                    corrections.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(birthDate));
            String name = correction.name().orElse(account.name());
            if (account instanceof PatientAccount patient) {
                return patient.corrected(name, phone(patient.phone(), correction),
                        correction.birthDate().map(BirthDateCorrection::corrected).orElse(patient.birthDate()));
            }
            DoctorAccount doctor = (DoctorAccount) account;
            return doctor.corrected(name, phone(doctor.phone(), correction));
        });
    }

    @Override
    public List<BirthDateCorrection> birthDateCorrections(AccountId id) {
        return List.copyOf(corrections.getOrDefault(id, List.of()));
    }

    private static Optional<Phone> phone(Optional<Phone> current, AccountCorrection correction) {
        return correction.removePhone() ? Optional.empty() : correction.phone().or(() -> current);
    }

    private static boolean verified(Account account) {
        return !(account instanceof PatientAccount patient) || patient.emailVerified();
    }
}
