package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.RefreshTokenStore;
import br.com.healthmed.identity.RefreshTokenStore.Family;
import br.com.healthmed.identity.RefreshTokenStore.Token;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenStore} promises. */
abstract class RefreshTokenStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Instant EXPIRY = NOW.plus(Duration.ofDays(30));

    protected abstract RefreshTokenStore store();

    private Family newFamily() {
        Family family = new Family(UUID.randomUUID().toString(), AccountId.random(), NOW, EXPIRY, false);
        store().createFamily(family);
        return family;
    }

    private Token newToken(Family family) {
        Token token = new Token(UUID.randomUUID().toString().replace("-", ""), family.id(), NOW, EXPIRY, Optional.empty());
        store().saveToken(token);
        return token;
    }

    @Test
    void aFamilyComesBackAsCreated() {
        Family family = newFamily();
        assertThat(store().family(family.id())).contains(family);
        assertThat(store().family("unknown")).isEmpty();
    }

    @Test
    void revokingIsIdempotentAndDoesNotCreateFamilies() {
        Family family = newFamily();
        store().revokeFamily(family.id());
        store().revokeFamily(family.id());
        store().revokeFamily("never-existed");

        assertThat(store().family(family.id()).orElseThrow().revoked()).isTrue();
        assertThat(store().family("never-existed")).isEmpty();
    }

    @Test
    void aTokenComesBackUnusedThenIsUsedOnce() {
        Token token = newToken(newFamily());
        assertThat(store().token(token.hash())).contains(token);

        assertThat(store().markUsed(token.hash(), NOW.plusSeconds(5))).isTrue();
        assertThat(store().token(token.hash()).orElseThrow().usedAt()).contains(NOW.plusSeconds(5));
        assertThat(store().markUsed(token.hash(), NOW.plusSeconds(6))).isFalse();
        assertThat(store().token(token.hash()).orElseThrow().usedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void anUnknownTokenIsNeitherFoundNorMarked() {
        assertThat(store().token("nope")).isEmpty();
        assertThat(store().markUsed("nope", NOW)).isFalse();
        assertThat(store().token("nope")).isEmpty();
    }

    @Test
    void ofConcurrentExchangesOfOneTokenExactlyOneWins() throws Exception {
        Token token = newToken(newFamily());

        List<Object> results = Concurrently.run(30, i -> () -> store().markUsed(token.hash(), NOW));

        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }
}
