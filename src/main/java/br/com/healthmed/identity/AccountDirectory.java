package br.com.healthmed.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to accounts for other modules and the API (batched for DataLoaders). */
@Service
public class AccountDirectory {

    private final AccountStore accounts;

    AccountDirectory(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> find(AccountId id) {
        return accounts.find(id);
    }

    public Map<AccountId, Account> findAll(Collection<AccountId> ids) {
        return accounts.findAll(ids);
    }
}
