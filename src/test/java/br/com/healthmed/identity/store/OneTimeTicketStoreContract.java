package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.OneTimeTicket;
import br.com.healthmed.identity.OneTimeTicketStore;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link OneTimeTicketStore} promises. */
abstract class OneTimeTicketStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract OneTimeTicketStore store();

    private OneTimeTicket newTicket(Duration ttl) {
        OneTimeTicket ticket = new OneTimeTicket(UUID.randomUUID().toString().replace("-", ""), OneTimeTicket.Purpose.PASSWORD_RESET,
                AccountId.random(), NOW, NOW.plus(ttl), Optional.of("binding"), Optional.empty());
        store().save(ticket);
        return ticket;
    }

    @Test
    void aTicketComesBackAsSavedAndAnUnknownOneNot() {
        OneTimeTicket ticket = newTicket(Duration.ofMinutes(30));
        assertThat(store().find(ticket.hash())).contains(ticket);
        assertThat(store().find("unknown")).isEmpty();
    }

    @Test
    void aTicketIsUsedOnceAndThenShowsWhen() {
        OneTimeTicket ticket = newTicket(Duration.ofMinutes(30));
        Instant at = NOW.plusSeconds(5);

        assertThat(store().use(ticket.hash(), at)).isTrue();
        assertThat(store().use(ticket.hash(), at.plusSeconds(1))).isFalse();
        assertThat(store().find(ticket.hash())).hasValueSatisfying(found -> assertThat(found.usedAt()).contains(at));
    }

    @Test
    void anExpiredOrUnknownTicketCannotBeUsed() {
        OneTimeTicket ticket = newTicket(Duration.ofMinutes(30));
        assertThat(store().use(ticket.hash(), ticket.expiresAt())).isFalse();
        assertThat(store().use("unknown", NOW)).isFalse();
        assertThat(store().find(ticket.hash())).hasValueSatisfying(found -> assertThat(found.usedAt()).isEmpty());
    }

    @Test
    void ofManyConcurrentUsesExactlyOneWins() throws Exception {
        OneTimeTicket ticket = newTicket(Duration.ofMinutes(30));
        List<Object> results = Concurrently.run(20, i -> () -> store().use(ticket.hash(), NOW.plusMillis(i)));
        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }
}
