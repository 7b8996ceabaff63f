package br.com.healthmed.identity;

import br.com.healthmed.platform.web.ClientAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The security log on its {@link SecurityEventStore}. Entries are written in the request that caused
 * them ({@link #record}), except where waiting for the write would tell an attacker something: a failed
 * login is logged only when the account exists, so that entry is written after the answer, on a
 * background thread ({@link #recordLater}), and a wrong password for an existing account takes as long
 * to refuse as one for an unknown login.
 */
@Service
public class StoredSecurityLog implements SecurityLog {

    private static final Logger log = LoggerFactory.getLogger(StoredSecurityLog.class);
    /** Background writes waiting at most; past it (a flood of failed logins) entries are dropped and counted in the log. */
    static final int BACKLOG = 10_000;

    private final SecurityEventStore store;
    private final SecurityLogProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG), runnable -> {
                Thread thread = new Thread(runnable, "security-log");
                thread.setDaemon(true);
                return thread;
            });

    StoredSecurityLog(SecurityEventStore store, SecurityLogProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void record(AccountId account, SecurityEventKind kind, Optional<String> clientAddress) {
        store.append(event(account, kind, clientAddress));
    }

    /**
     * As {@link #record}, after the caller has answered: the entry's instant is now, the write happens on
     * a background thread. A write that fails is logged (ids only) and lost.
     */
    void recordLater(AccountId account, SecurityEventKind kind, Optional<String> clientAddress) {
        SecurityEvent event = event(account, kind, clientAddress);
        try {
            background.execute(() -> {
                try {
                    store.append(event);
                } catch (RuntimeException failed) {
                    log.warn("Security-log entry {} ({}) of account {} could not be written: {}", event.id(), kind, account, failed.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("Security-log backlog full: entry {} ({}) of account {} dropped", event.id(), kind, account);
        }
    }

    @Override
    public SecurityEventStore.Page events(AccountId account, int first, Optional<String> after) {
        return store.page(account, clock.instant().minus(properties.retention()), first, after);
    }

    @Override
    public SecurityEventStore.Page newerEvents(AccountId account, int last, Optional<String> before) {
        return store.newer(account, clock.instant().minus(properties.retention()), last, before);
    }

    private SecurityEvent event(AccountId account, SecurityEventKind kind, Optional<String> clientAddress) {
        Instant now = clock.instant();
        return new SecurityEvent(UUID.randomUUID(), account, kind, now, known(clientAddress));
    }

    /** {@code ClientAddress.UNKNOWN} (no peer address) is no address. */
    private static Optional<String> known(Optional<String> clientAddress) {
        return clientAddress.filter(address -> !address.isBlank() && !ClientAddress.UNKNOWN.value().equals(address));
    }
}
