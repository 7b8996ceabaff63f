package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.events.EventBus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Login sessions and their refresh tokens.
 *
 * <p>A session is a family of refresh tokens with an absolute expiry. Each refresh exchanges the
 * presented token for a new one (rotation); the exchange's commit point is one conditional write
 * that marks the old token used, made after the new token is stored. A token presented a second
 * time means two parties hold it — the client and a thief, in some order — so the whole family is
 * revoked and both must log in again
 * (reuse detection, as in the OAuth 2.0 Security BCP).
 *
 * <p>Refresh tokens are 256 random bits, given to the client once and stored only as SHA-256 hashes:
 * a copy of the table gives nobody a working token. (A slow hash is not needed: the input is random,
 * not a guessable password.)
 */
@Service
public class SessionService implements SessionTermination {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenStore tokens;
    private final AccountStore accounts;
    private final AccessTokens accessTokens;
    private final TokenProperties properties;
    private final EventBus events;
    private final RevokedSessions revoked;
    private final SecurityLog securityLog;
    private final Clock clock;

    SessionService(RefreshTokenStore tokens, AccountStore accounts, AccessTokens accessTokens,
                   TokenProperties properties, EventBus events, RevokedSessions revoked, SecurityLog securityLog, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.events = events;
        this.revoked = revoked;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** Starts a new session for an account that just proved who it is. */
    public Session open(Account account) {
        Instant now = clock.instant();
        RefreshTokenStore.Family family = new RefreshTokenStore.Family(
                UUID.randomUUID().toString(), account.id(), now, now.plus(properties.refreshTokenTtl()), false);
        tokens.createFamily(family);
        return session(account, family, storeNewToken(family, now));
    }

    /**
     * Exchanges a refresh token for a new session state; the presented token stops working. A reused
     * token ends its session and is recorded in the owner's security log with {@code clientAddress}.
     */
    public Session refresh(String refreshToken, Optional<String> clientAddress) {
        Instant now = clock.instant();
        String hash = hash(refreshToken);
        RefreshTokenStore.Token token = tokens.token(hash).orElseThrow(SessionService::invalid);
        RefreshTokenStore.Family family = tokens.family(token.familyId())
                .filter(f -> f.isOpenAt(now))
                .orElseThrow(SessionService::invalid);
        if (token.usedAt().isPresent()) {
            throw reused(family, clientAddress);
        }
        Account account = accounts.find(family.account()).orElseThrow(SessionService::invalid);
        // The successor is stored before the commit point, so a crash between the two leaves the
        // client's current token working (and an orphan successor nobody knows), never the reverse.
        String successor = storeNewToken(family, now);
        if (!tokens.markUsed(hash, now)) {
            throw reused(family, clientAddress);
        }
        return session(account, family, successor);
    }

    /**
     * Ends the session the refresh token belongs to, recorded in the owner's security log. Unknown or
     * already-ended tokens are no error (and no entry).
     */
    public void logout(String refreshToken, Optional<String> clientAddress) {
        Instant now = clock.instant();
        tokens.token(hash(refreshToken))
                .flatMap(token -> tokens.family(token.familyId()))
                .filter(family -> family.isOpenAt(now))
                .ifPresent(family -> {
                    revoke(family.id(), SessionEnded.Reason.LOGGED_OUT);
                    securityLog.record(family.account(), SecurityEventKind.LOGGED_OUT, clientAddress);
                });
    }

    /**
     * Ends a session now, on every instance: its refresh tokens stop working, and so do its access
     * tokens, on every request and WebSocket operation, without waiting for them to expire (running
     * subscriptions end with {@code SESSION_REVOKED}). Unknown or already-ended sessions are no error.
     * For logout and refresh-token reuse here, and for whatever else must log a session out.
     */
    public void revoke(String sessionId, SessionEnded.Reason reason) {
        SessionEnded end = new SessionEnded(sessionId, reason, clock.instant());
        // Stored first: instances that miss the bus message find it there (and so do those started later).
        tokens.revokeFamily(new RefreshTokenStore.Revocation(sessionId, reason, end.at()));
        revoked.learn(end);
        events.publish(SessionEnded.TOPIC, end);
    }

    /**
     * Ends every open session of the account, as {@link #revoke} does one: for a password change
     * (call it before the new password takes effect, and open a new session for the caller afterwards)
     * or a deactivation.
     */
    @Override
    public void revokeAll(AccountId account, SessionEnded.Reason reason) {
        revokeOthers(account, Optional.empty(), reason);
    }

    /**
     * Ends every open session of the account except {@code kept} (the caller's own, after a password
     * change it made), as {@link #revokeAll} does.
     */
    public void revokeAllExcept(AccountId account, String kept, SessionEnded.Reason reason) {
        revokeOthers(account, Optional.of(kept), reason);
    }

    private void revokeOthers(AccountId account, Optional<String> kept, SessionEnded.Reason reason) {
        Instant now = clock.instant();
        tokens.familiesOf(account).stream()
                .filter(family -> family.isOpenAt(now) && kept.filter(family.id()::equals).isEmpty())
                .forEach(family -> revoke(family.id(), reason));
    }

    /**
     * The end of this session, as it happens: one event, then completion. A session that has already
     * ended (or expired) gets {@code ALREADY_ENDED} at once.
     */
    public Flux<SessionEnded> endOf(String sessionId) {
        Flux<SessionEnded> live = revoked.ended().filter(ended -> ended.sessionId().equals(sessionId));
        // Subscribe first, then look: an end between the two is still seen.
        Mono<SessionEnded> alreadyEnded = Mono.fromCallable(() -> isOpen(sessionId)
                        ? null
                        : new SessionEnded(sessionId, SessionEnded.Reason.ALREADY_ENDED, clock.instant()));
        return Flux.merge(live, alreadyEnded).take(1);
    }

    private boolean isOpen(String sessionId) {
        Instant now = clock.instant();
        return tokens.family(sessionId).filter(f -> f.isOpenAt(now)).isPresent();
    }

    /** A new refresh token of the family, stored (as its hash); returns the token itself, for the client. */
    private String storeNewToken(RefreshTokenStore.Family family, Instant now) {
        String refreshToken = newRefreshToken();
        tokens.saveToken(new RefreshTokenStore.Token(hash(refreshToken), family.id(), now, family.expiresAt(), Optional.empty()));
        return refreshToken;
    }

    private Session session(Account account, RefreshTokenStore.Family family, String refreshToken) {
        AccessTokens.Issued access = accessTokens.issue(account, family.id());
        return new Session(access.token(), access.expiresAt(), refreshToken, family.expiresAt(), account);
    }

    /** A used refresh token came back: whoever holds the session now may be a thief, so it ends. */
    private DomainException reused(RefreshTokenStore.Family family, Optional<String> clientAddress) {
        revoke(family.id(), SessionEnded.Reason.REFRESH_TOKEN_REUSED);
        securityLog.record(family.account(), SecurityEventKind.SESSION_REVOKED_REUSE, clientAddress);
        log.warn("Refresh token reused: revoked session {} of account {}", family.id(), family.account());
        return invalid();
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException invalid() {
        return new DomainException(IdentityErrors.INVALID_REFRESH_TOKEN,
                "This refresh token is not valid any more; log in again.");
    }
}
