package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.EmailCodeStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending e-mail codes in memory: the embedded default. */
class InMemoryEmailCodeStore implements EmailCodeStore {

    private record Slot(AccountId account, Purpose purpose) {}

    private final Map<Slot, PendingCode> codes = new ConcurrentHashMap<>();

    @Override
    public void put(PendingCode code) {
        codes.put(new Slot(code.account(), code.purpose()), code);
    }

    @Override
    public Optional<PendingCode> find(AccountId account, Purpose purpose) {
        return Optional.ofNullable(codes.get(new Slot(account, purpose)));
    }

    @Override
    public boolean markUsed(AccountId account, Purpose purpose, String codeId, Instant at) {
        boolean[] marked = {false};
        codes.computeIfPresent(new Slot(account, purpose), (slot, code) -> {
            if (!code.id().equals(codeId) || code.usedAt().isPresent()) {
                return code;
            }
            marked[0] = true;
            return new PendingCode(code.account(), code.purpose(), code.id(), code.email(), code.codeHash(), code.issuedAt(),
                    code.expiresAt(), Optional.of(at));
        });
        return marked[0];
    }
}
