package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Login claims in memory: the embedded default. */
class InMemoryLoginClaimStore implements LoginClaimStore {

    private final Map<LoginClaim, Holder> holders = new ConcurrentHashMap<>();

    @Override
    public boolean claim(LoginClaim claim, AccountId owner, Instant now) {
        Holder existing = holders.putIfAbsent(claim, new Holder(owner, now));
        return existing == null || existing.owner().equals(owner);
    }

    @Override
    public Optional<Holder> holder(LoginClaim claim) {
        return Optional.ofNullable(holders.get(claim));
    }

    @Override
    public boolean transfer(LoginClaim claim, AccountId from, AccountId to, Instant now) {
        boolean[] heldByTo = {false};
        holders.computeIfPresent(claim, (key, holder) -> {
            if (holder.owner().equals(from)) {
                heldByTo[0] = true;
                return new Holder(to, now);
            }
            heldByTo[0] = holder.owner().equals(to); // a repeated transfer: already done
            return holder;
        });
        return heldByTo[0];
    }

    @Override
    public void release(LoginClaim claim, AccountId owner) {
        holders.computeIfPresent(claim, (key, holder) -> holder.owner().equals(owner) ? null : holder);
    }

    /** How many claims are held; lets tests prove that failed registrations leave none behind. */
    int size() {
        return holders.size();
    }
}
