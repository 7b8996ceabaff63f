package br.com.healthmed.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.privacy.DataExport;
import br.com.healthmed.privacy.DataExportStatus;
import br.com.healthmed.privacy.DataExportStore;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What every {@link DataExportStore} promises. */
abstract class DataExportStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract DataExportStore store();

    @Test
    void ofManyConcurrentClaimsOfOneAccountExactlyOneWinsAndARetryOfItStaysItsOwn() throws Exception {
        AccountId account = AccountId.random();
        List<UUID> copies = java.util.stream.Stream.generate(UUID::randomUUID).limit(20).toList();
        List<Object> results = Concurrently.run(copies.size(),
                i -> (Callable<Boolean>) () -> store().claim(account, copies.get(i), Optional.empty(), NOW));
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);

        UUID winner = store().running(account).orElseThrow().exportId();
        assertThat(copies).contains(winner);
        assertThat(store().claim(account, winner, Optional.empty(), NOW)).as("a retried claim").isTrue();
        assertThat(store().claim(AccountId.random(), UUID.randomUUID(), Optional.empty(), NOW)).as("another account").isTrue();
    }

    @Test
    void aStaleMarkerIsTakenOverOnlyByNameAndReleasedOnlyByItsCopy() {
        AccountId account = AccountId.random();
        UUID stale = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        store().claim(account, stale, Optional.empty(), NOW);

        assertThat(store().claim(account, next, Optional.of(UUID.randomUUID()), NOW)).isFalse();
        assertThat(store().claim(account, next, Optional.of(stale), NOW.plusSeconds(1))).isTrue();
        assertThat(store().running(account)).contains(new DataExportStore.Running(next, NOW.plusSeconds(1)));

        store().release(account, stale);
        assertThat(store().running(account)).isPresent();
        store().release(account, next);
        assertThat(store().running(account)).isEmpty();
    }

    @Test
    void aCopyGoesFromPendingToReadyOnceCountingItsBuildsAndIsListedWhileDueForWork() {
        DataExport export = DataExport.requested(AccountId.random(), Role.PATIENT, NOW);
        store().create(export);
        store().create(export); // a retried write
        assertThat(store().find(export.id())).contains(export);
        assertThat(store().pendingSince(NOW.plusSeconds(1), 100)).extracting(DataExport::id).contains(export.id());
        assertThat(store().pendingSince(NOW, 100)).extracting(DataExport::id).doesNotContain(export.id());

        assertThat(store().startAttempt(export.id())).contains(1);
        assertThat(store().startAttempt(export.id())).contains(2);
        Instant expires = NOW.plus(Duration.ofDays(7));
        assertThat(store().markReady(export.id(), NOW.plusSeconds(5), expires, 1234)).isTrue();
        assertThat(store().markReady(export.id(), NOW.plusSeconds(6), expires, 99)).as("once").isFalse();
        assertThat(store().markFailed(export.id())).isFalse();
        assertThat(store().startAttempt(export.id())).as("not pending").isEmpty();

        DataExport ready = store().find(export.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(DataExportStatus.READY);
        assertThat(ready.readyAt()).contains(NOW.plusSeconds(5));
        assertThat(ready.expiresAt()).contains(expires);
        assertThat(ready.sizeBytes()).contains(1234L);
        assertThat(ready.attempts()).isEqualTo(2);
        assertThat(ready.statusAt(expires)).isEqualTo(DataExportStatus.EXPIRED);
        assertThat(store().pendingSince(NOW.plusSeconds(1), 100)).extracting(DataExport::id).doesNotContain(export.id());

        assertThat(store().expiredBy(expires, 100)).extracting(DataExport::id).doesNotContain(export.id());
        assertThat(store().expiredBy(expires.plusSeconds(1), 100)).extracting(DataExport::id).contains(export.id());
        store().markDeleted(export.id());
        assertThat(store().expiredBy(expires.plusSeconds(1), 100)).extracting(DataExport::id).doesNotContain(export.id());
        assertThat(store().find(export.id()).orElseThrow().statusAt(expires)).isEqualTo(DataExportStatus.EXPIRED);
    }

    @Test
    void aFailedCopyLeavesThePendingListAndAnUnknownOneIsNothing() {
        DataExport export = DataExport.requested(AccountId.random(), Role.DOCTOR, NOW);
        store().create(export);
        assertThat(store().markFailed(export.id())).isTrue();
        assertThat(store().find(export.id()).orElseThrow().status()).isEqualTo(DataExportStatus.FAILED);
        assertThat(store().pendingSince(NOW.plusSeconds(1), 100)).extracting(DataExport::id).doesNotContain(export.id());
        assertThat(store().find(UUID.randomUUID())).isEmpty();
        assertThat(store().startAttempt(UUID.randomUUID())).isEmpty();
    }
}
