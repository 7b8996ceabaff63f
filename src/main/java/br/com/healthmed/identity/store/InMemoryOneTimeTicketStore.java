package br.com.healthmed.identity.store;

import br.com.healthmed.identity.OneTimeTicket;
import br.com.healthmed.identity.OneTimeTicketStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Single-use tickets in memory: the embedded default (expired ones are not purged; see {@link InMemoryRefreshTokenStore}). */
class InMemoryOneTimeTicketStore implements OneTimeTicketStore {

    private final Map<String, OneTimeTicket> tickets = new ConcurrentHashMap<>();

    @Override
    public void save(OneTimeTicket ticket) {
        if (tickets.putIfAbsent(ticket.hash(), ticket) != null) {
            throw new IllegalStateException("Ticket exists");
        }
    }

    @Override
    public Optional<OneTimeTicket> find(String hash) {
        return Optional.ofNullable(tickets.get(hash));
    }

    @Override
    public boolean use(String hash, Instant now) {
        boolean[] used = {false};
        tickets.computeIfPresent(hash, (key, ticket) -> {
            if (ticket.usedAt().isPresent() || ticket.isExpiredAt(now)) {
                return ticket;
            }
            used[0] = true;
            return new OneTimeTicket(ticket.hash(), ticket.purpose(), ticket.account(), ticket.issuedAt(), ticket.expiresAt(),
                    ticket.binding(), Optional.of(now));
        });
        return used[0];
    }
}
