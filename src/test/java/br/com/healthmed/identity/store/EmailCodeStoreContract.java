package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.EmailCodeStore;
import br.com.healthmed.identity.EmailCodeStore.PendingCode;
import br.com.healthmed.identity.EmailCodeStore.Purpose;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link EmailCodeStore} promises. */
abstract class EmailCodeStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract EmailCodeStore store();

    static PendingCode code(AccountId account, Purpose purpose, String email) {
        return new PendingCode(account, purpose, UUID.randomUUID().toString(), new Email(email), "hash-" + UUID.randomUUID(),
                NOW, NOW.plus(Duration.ofMinutes(30)), Optional.empty());
    }

    @Test
    void aCodeComesBackAsStoredAndEachPurposeHasItsOwn() {
        AccountId account = AccountId.random();
        PendingCode verify = code(account, Purpose.VERIFY_EMAIL, "ana@example.com");
        PendingCode change = code(account, Purpose.CHANGE_EMAIL, "ana.nova@example.com");
        store().put(verify);
        store().put(change);

        assertThat(store().find(account, Purpose.VERIFY_EMAIL)).contains(verify);
        assertThat(store().find(account, Purpose.CHANGE_EMAIL)).contains(change);
        assertThat(store().find(AccountId.random(), Purpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void aNewCodeReplacesTheOldOneWhichCanNoLongerBeUsed() {
        AccountId account = AccountId.random();
        PendingCode first = code(account, Purpose.VERIFY_EMAIL, "ana@example.com");
        store().put(first);
        PendingCode second = code(account, Purpose.VERIFY_EMAIL, "ana@example.com");
        store().put(second);

        assertThat(store().find(account, Purpose.VERIFY_EMAIL)).contains(second);
        assertThat(store().markUsed(account, Purpose.VERIFY_EMAIL, first.id(), NOW)).isFalse();
        assertThat(store().find(account, Purpose.VERIFY_EMAIL).orElseThrow().usedAt()).isEmpty();
    }

    @Test
    void ofManyConcurrentUsesOfOneCodeExactlyOneWins() throws Exception {
        AccountId account = AccountId.random();
        PendingCode code = code(account, Purpose.CHANGE_EMAIL, "ana@example.com");
        store().put(code);
        Instant at = NOW.plusSeconds(5);

        List<Object> results = Concurrently.run(20, i -> () -> store().markUsed(account, Purpose.CHANGE_EMAIL, code.id(), at));

        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store().find(account, Purpose.CHANGE_EMAIL).orElseThrow().usedAt()).contains(at);
        assertThat(store().markUsed(AccountId.random(), Purpose.CHANGE_EMAIL, code.id(), at)).isFalse();
    }
}
