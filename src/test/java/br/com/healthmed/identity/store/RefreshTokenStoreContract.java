package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.RefreshTokenStore;
import br.com.healthmed.identity.RefreshTokenStore.Family;
import br.com.healthmed.identity.RefreshTokenStore.Revocation;
import br.com.healthmed.identity.SessionEnded;
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

    private static Revocation revocation(Family family, SessionEnded.Reason reason, Instant at) {
        return new Revocation(family.id(), reason, at);
    }

    @Test
    void revokingIsIdempotentAndDoesNotCreateFamilies() {
        Family family = newFamily();
        store().revokeFamily(revocation(family, SessionEnded.Reason.LOGGED_OUT, NOW));
        store().revokeFamily(revocation(family, SessionEnded.Reason.REFRESH_TOKEN_REUSED, NOW.plusSeconds(1)));
        store().revokeFamily(new Revocation("never-existed", SessionEnded.Reason.LOGGED_OUT, NOW));

        assertThat(store().family(family.id()).orElseThrow().revoked()).isTrue();
        assertThat(store().family("never-existed")).isEmpty();
        // the first revocation is the one on file
        assertThat(store().revokedBetween(NOW, NOW.plusSeconds(2))).filteredOn(r -> r.sessionId().equals(family.id()))
                .containsExactly(revocation(family, SessionEnded.Reason.LOGGED_OUT, NOW));
        assertThat(store().revokedBetween(NOW, NOW.plusSeconds(2))).noneMatch(r -> r.sessionId().equals("never-existed"));
    }

    @Test
    void anAccountsSessionsAreListedOpenOrNotAndNoOneElses() {
        AccountId account = AccountId.random();
        Family first = new Family(UUID.randomUUID().toString(), account, NOW, EXPIRY, false);
        Family second = new Family(UUID.randomUUID().toString(), account, NOW.plusSeconds(1), EXPIRY, false);
        store().createFamily(first);
        store().createFamily(second);
        newFamily(); // another account's
        store().revokeFamily(revocation(first, SessionEnded.Reason.LOGGED_OUT, NOW));

        assertThat(store().familiesOf(account)).containsExactlyInAnyOrder(
                new Family(first.id(), account, NOW, EXPIRY, true), second);
        assertThat(store().familiesOf(AccountId.random())).isEmpty();
    }

    @Test
    void revocationsAreListedByTimeAcrossHoursWithTheEndOfThePeriodLeftOut() {
        // a period of its own, across an hour boundary, far from other tests' revocations
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1 + new java.util.Random().nextInt(1000)));
        Family before = newFamily();
        Family first = newFamily();
        Family second = newFamily();
        Family atTheEnd = newFamily();
        Family open = newFamily();
        store().revokeFamily(revocation(second, SessionEnded.Reason.REFRESH_TOKEN_REUSED, hour.plusSeconds(30)));
        store().revokeFamily(revocation(first, SessionEnded.Reason.LOGGED_OUT, hour.minusSeconds(30)));
        store().revokeFamily(revocation(before, SessionEnded.Reason.LOGGED_OUT, hour.minusSeconds(61)));
        store().revokeFamily(revocation(atTheEnd, SessionEnded.Reason.LOGGED_OUT, hour.plusSeconds(60)));
        List<String> ours = List.of(before.id(), first.id(), second.id(), atTheEnd.id(), open.id());

        assertThat(store().revokedBetween(hour.minusSeconds(60), hour.plusSeconds(60)))
                .filteredOn(r -> ours.contains(r.sessionId()))
                .containsExactly(revocation(first, SessionEnded.Reason.LOGGED_OUT, hour.minusSeconds(30)),
                        revocation(second, SessionEnded.Reason.REFRESH_TOKEN_REUSED, hour.plusSeconds(30)));
        assertThat(store().revokedBetween(hour.plusSeconds(60), hour.plusSeconds(60))).isEmpty();
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
