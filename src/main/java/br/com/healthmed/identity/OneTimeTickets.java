package br.com.healthmed.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and looks up single-use tickets. The secret is 256 random bits, given out once and stored
 * only as its SHA-256 (as refresh tokens are): a copy of the table opens nothing.
 */
@Component
class OneTimeTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OneTimeTicketStore store;
    private final Clock clock;

    OneTimeTickets(OneTimeTicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A ticket as handed out: the secret (for the person only) and when it stops working. */
    record Issued(String secret, Instant expiresAt) {}

    Issued issue(OneTimeTicket.Purpose purpose, AccountId account, Duration ttl, Optional<String> binding) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        OneTimeTicket ticket = new OneTimeTicket(SessionService.hash(secret), purpose, account, now, now.plus(ttl),
                binding, Optional.empty());
        store.save(ticket);
        return new Issued(secret, ticket.expiresAt());
    }

    /** The ticket of this secret, if it was issued for this purpose (one of another purpose is foreign here). */
    Optional<OneTimeTicket> find(String secret, OneTimeTicket.Purpose purpose) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return store.find(SessionService.hash(secret)).filter(ticket -> ticket.purpose() == purpose);
    }

    /** The commit point of a ticket's use: true for exactly one caller while it is unused and unexpired. */
    boolean use(OneTimeTicket ticket) {
        return store.use(ticket.hash(), clock.instant());
    }

    /** A ticket that can still be used now. */
    Optional<OneTimeTicket> usable(String secret, OneTimeTicket.Purpose purpose) {
        Instant now = clock.instant();
        return find(secret, purpose).filter(t -> t.usedAt().isEmpty() && !t.isExpiredAt(now));
    }
}
