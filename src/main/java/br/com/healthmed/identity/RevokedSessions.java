package br.com.healthmed.identity;

import br.com.healthmed.platform.StartUpStep;
import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.security.RevocationsNotKnownException;
import br.com.healthmed.platform.security.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * This instance's list of revoked sessions, kept in memory and checked on every request and WebSocket
 * operation ({@link AccessTokens}, {@code WebSocketTokenExpiry}).
 *
 * <p>It learns of a revocation three ways: at once when this instance ends the session
 * ({@link SessionService}); within moments from the event bus when another instance does; and, should
 * that message be lost (Redis pub/sub is at most once), from storage, which every instance re-reads
 * every {@code healthmed.security.revocation.reload-interval} (10 s) for the revocations since its
 * previous read. That interval bounds how long a lost message keeps a revoked session's tokens
 * working on an instance. At start-up the instance reads every revocation whose access tokens may
 * still be alive, so one started later refuses them too.
 *
 * <p><b>Until that first read succeeded, no access token is accepted</b>: {@link #isRevoked} throws
 * {@link RevocationsNotKnownException} (a retryable {@code SERVICE_BUSY}) and the {@code revocations}
 * health indicator keeps readiness DOWN, so the load balancer sends nothing meanwhile. The read is
 * tried at start-up and, should storage be slow then, again in the background with growing, jittered
 * delays ({@link StartUpStep}); before, one timed-out read aborted the start-up.
 *
 * <p>A session stays listed for the access-token lifetime plus a minute after its revocation (a token
 * issued by a refresh racing the revocation lives that long), then is dropped: its tokens have all
 * expired. So the list holds only the last quarter-hour's revocations.
 *
 * <p>It is also where this instance's {@link SessionService#endOf} subscribers hear of ended
 * sessions: each revocation is told to them first, then to the WebSocket operations it ends, so a
 * {@code sessionEnded} subscription gets its event before its connection's operations are stopped.
 */
@Component
class RevokedSessions implements SessionRevocations, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);
    /** Past the access-token lifetime: a token issued by a refresh that raced the revocation. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final RefreshTokenStore store;
    private final EventBus events;
    private final RevocationProperties properties;
    private final Duration remembered;
    private final Clock clock;

    /** Session id → until when tokens of it may still be alive. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Sinks.Many<SessionEnded> ended = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<String> stopped = Sinks.many().multicast().directBestEffort();
    private volatile @Nullable Instant readUntil;
    private @Nullable Disposable subscription;
    private @Nullable StartUpStep firstRead;

    RevokedSessions(RefreshTokenStore store, EventBus events, TokenProperties tokens, RevocationProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.remembered = tokens.accessTokenTtl().plus(MARGIN);
        this.clock = clock;
    }

    /** After every bean exists, before the web server takes requests: listen, then read what is on file. */
    @Override
    public void afterSingletonsInstantiated() {
        subscription = events.subscribe(SessionEnded.TOPIC, SessionEnded.class)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(failure -> log.debug("Listening for ended sessions again: {}", failure.failure().toString())))
                .subscribe(this::learn);
        firstRead = StartUpStep.start("read the revoked sessions on file", () -> {
            Instant now = clock.instant();
            int count = readBetween(now.minus(remembered), now);
            readUntil = now;
            log.info("Revoked sessions: {} on file whose access tokens may still be alive", count);
        }, StartUpStep.Backoff.DEFAULT);
    }

    /** Whether the revocations on file have been read: until then no access token is accepted. */
    boolean known() {
        return firstRead != null && firstRead.done();
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.dispose();
        }
        if (firstRead != null) {
            firstRead.close();
        }
    }

    @Override
    public boolean isRevoked(String sessionId) {
        if (!known()) {
            throw new RevocationsNotKnownException();
        }
        Instant until = revoked.get(sessionId);
        return until != null && clock.instant().isBefore(until);
    }

    @Override
    public Mono<String> revocationOf(String sessionId) {
        // Listen first, then look: a revocation in between is still seen.
        Flux<String> later = stopped.asFlux().filter(sessionId::equals);
        Mono<String> already = Mono.fromCallable(() -> isRevoked(sessionId) ? sessionId : null);
        return Flux.merge(later, already).next();
    }

    /** Ended sessions as this instance learns of them, each once. */
    Flux<SessionEnded> ended() {
        return ended.asFlux();
    }

    /** Adds a revocation, telling the local listeners if it is news. */
    void learn(SessionEnded end) {
        if (end.reason() == SessionEnded.Reason.ALREADY_ENDED) {
            return;
        }
        // One at a time: the sinks take one emission at a time, and listeners hear of each end in order.
        synchronized (this) {
            if (revoked.putIfAbsent(end.sessionId(), end.at().plus(remembered)) != null) {
                return;
            }
            ended.tryEmitNext(end);
            stopped.tryEmitNext(end.sessionId());
        }
    }

    /**
     * Re-reads the revocations since the previous read (less the overlap), in case a bus message was
     * lost, and forgets those whose tokens have all expired. A failed read is tried again next time
     * from the same point, so nothing is skipped.
     */
    @Scheduled(fixedDelayString = "${healthmed.security.revocation.reload-interval:PT10S}",
            initialDelayString = "${healthmed.security.revocation.reload-interval:PT10S}")
    void reload() {
        if (!known()) {
            return; // the first read is being retried; it covers everything up to when it succeeds
        }
        Instant now = clock.instant();
        try {
            readBetween(readUntil.minus(properties.reloadOverlap()), now);
            readUntil = now;
        } catch (RuntimeException e) {
            log.warn("Could not re-read revoked sessions (tried again in {}): {}", properties.reloadInterval(), e.toString());
        }
        revoked.values().removeIf(until -> !now.isBefore(until));
    }

    private int readBetween(Instant from, Instant until) {
        var found = store.revokedBetween(from, until);
        found.forEach(revocation -> learn(new SessionEnded(revocation.sessionId(), revocation.reason(), revocation.at())));
        return found.size();
    }
}
