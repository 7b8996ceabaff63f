package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.support.Concurrently;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link LoginClaimStore} promises. */
abstract class LoginClaimStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract LoginClaimStore store();

    static LoginClaim anEmail() {
        return new LoginClaim(LoginClaim.Kind.EMAIL, UUID.randomUUID() + "@example.com");
    }

    @Test
    void aFreeClaimIsTakenAndRemembersItsHolder() {
        LoginClaim claim = anEmail();
        AccountId owner = AccountId.random();

        assertThat(store().claim(claim, owner, NOW)).isTrue();
        assertThat(store().holder(claim)).contains(new LoginClaimStore.Holder(owner, NOW));
    }

    @Test
    void aTakenClaimIsRefusedToOthersButItsOwnerMayRepeatTheClaim() {
        LoginClaim claim = anEmail();
        AccountId owner = AccountId.random();
        store().claim(claim, owner, NOW);

        assertThat(store().claim(claim, AccountId.random(), NOW.plusSeconds(1))).isFalse();
        assertThat(store().claim(claim, owner, NOW.plusSeconds(2))).isTrue();
        assertThat(store().holder(claim)).contains(new LoginClaimStore.Holder(owner, NOW));
        assertThat(store().claim(claim, AccountId.random(), NOW.plusSeconds(3))).isFalse();
        assertThat(store().holder(claim)).contains(new LoginClaimStore.Holder(owner, NOW));
    }

    @Test
    void kindsAreSeparateNamespaces() {
        String value = "12345678909";
        assertThat(store().claim(new LoginClaim(LoginClaim.Kind.CPF, value), AccountId.random(), NOW)).isTrue();
        assertThat(store().claim(new LoginClaim(LoginClaim.Kind.EMAIL, value), AccountId.random(), NOW)).isTrue();
    }

    @Test
    void onlyTheHolderCanReleaseAClaim() {
        LoginClaim claim = anEmail();
        AccountId owner = AccountId.random();
        store().claim(claim, owner, NOW);

        store().release(claim, AccountId.random());
        assertThat(store().holder(claim)).isPresent();

        store().release(claim, owner);
        assertThat(store().holder(claim)).isEmpty();
        assertThat(store().claim(claim, AccountId.random(), NOW)).isTrue();
    }

    @Test
    void aClaimMovesOnlyFromItsCurrentHolder() {
        LoginClaim claim = anEmail();
        AccountId abandoned = AccountId.random();
        AccountId newcomer = AccountId.random();
        store().claim(claim, abandoned, NOW);

        assertThat(store().transfer(claim, AccountId.random(), newcomer, NOW.plusSeconds(1))).isFalse();
        assertThat(store().transfer(claim, abandoned, newcomer, NOW.plusSeconds(2))).isTrue();
        assertThat(store().holder(claim)).contains(new LoginClaimStore.Holder(newcomer, NOW.plusSeconds(2)));
        assertThat(store().transfer(claim, abandoned, AccountId.random(), NOW.plusSeconds(3))).isFalse();
    }

    @Test
    void aRepeatedTransferSucceedsWithoutMovingTheClaimAgain() {
        LoginClaim claim = anEmail();
        AccountId abandoned = AccountId.random();
        AccountId newcomer = AccountId.random();
        store().claim(claim, abandoned, NOW);

        assertThat(store().transfer(claim, abandoned, newcomer, NOW.plusSeconds(1))).isTrue();
        assertThat(store().transfer(claim, abandoned, newcomer, NOW.plusSeconds(2))).isTrue();
        assertThat(store().holder(claim)).contains(new LoginClaimStore.Holder(newcomer, NOW.plusSeconds(1)));
    }

    @Test
    void anAbsentClaimCannotBeMoved() {
        assertThat(store().transfer(anEmail(), AccountId.random(), AccountId.random(), NOW)).isFalse();
    }

    @Test
    void ofFiftyConcurrentClaimsExactlyOneWins() throws Exception {
        LoginClaim claim = new LoginClaim(LoginClaim.Kind.CPF, UUID.randomUUID().toString());
        List<AccountId> owners = java.util.stream.Stream.generate(AccountId::random).limit(50).toList();

        List<Object> results = Concurrently.run(50, i -> () -> store().claim(claim, owners.get(i), NOW));

        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        AccountId winner = owners.get(results.indexOf(true));
        assertThat(store().holder(claim).orElseThrow().owner()).isEqualTo(winner);
    }

    @Test
    void ofConcurrentTransfersOfAnAbandonedClaimExactlyOneWins() throws Exception {
        LoginClaim claim = anEmail();
        AccountId abandoned = AccountId.random();
        store().claim(claim, abandoned, NOW);
        List<AccountId> newcomers = java.util.stream.Stream.generate(AccountId::random).limit(20).toList();

        List<Object> results = Concurrently.run(20, i -> () -> store().transfer(claim, abandoned, newcomers.get(i), NOW));

        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store().holder(claim).orElseThrow().owner()).isEqualTo(newcomers.get(results.indexOf(true)));
    }
}
