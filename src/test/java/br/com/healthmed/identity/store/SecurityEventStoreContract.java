package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.SecurityEvent;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityEventStore.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SecurityEventStore} promises. */
abstract class SecurityEventStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Duration RETENTION = Duration.ofDays(730);

    protected abstract SecurityEventStore store();

    private SecurityEvent append(AccountId account, SecurityEventKind kind, Instant at) {
        SecurityEvent event = new SecurityEvent(UUID.randomUUID(), account, kind, at, Optional.of("203.0.113.7"));
        store().append(event);
        return event;
    }

    @Test
    void entriesComeBackNewestFirstAsAppended() {
        AccountId account = AccountId.random();
        SecurityEvent login = append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minusSeconds(60));
        SecurityEvent logout = new SecurityEvent(UUID.randomUUID(), account, SecurityEventKind.LOGGED_OUT, NOW, Optional.empty());
        store().append(logout);

        Page page = store().page(account, NOW.minus(RETENTION), 10, Optional.empty());

        assertThat(page.items()).containsExactly(logout, login);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void pagesWalkTheWholeLogOnceEvenWhenEntriesShareAnInstant() {
        AccountId account = AccountId.random();
        List<SecurityEvent> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            appended.add(append(account, SecurityEventKind.LOGIN_FAILED, NOW.minusSeconds(i / 2)));
        }

        List<SecurityEvent> read = inPagesOfThree(after -> store().page(account, NOW.minus(RETENTION), 3, after));

        assertThat(read).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(read).extracting(SecurityEvent::position).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aFullLastPageSaysNoMoreOnlyWhenNoneFollow() {
        AccountId account = AccountId.random();
        append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minusSeconds(2));
        append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minusSeconds(1));

        Page first = store().page(account, NOW.minus(RETENTION), 2, Optional.empty());

        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isEmpty();
    }

    @Test
    void entriesOlderThanTheRetentionAreLeftOut() {
        AccountId account = AccountId.random();
        SecurityEvent recent = append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minusSeconds(5));
        SecurityEvent almost = append(account, SecurityEventKind.EMAIL_CHANGED, NOW.minus(RETENTION).plusSeconds(1));
        append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minus(RETENTION).minusSeconds(1));

        Page page = store().page(account, NOW.minus(RETENTION), 10, Optional.empty());
        assertThat(page.items()).containsExactly(recent, almost);

        Page after = store().page(account, NOW.minus(RETENTION), 1, Optional.of(recent.position()));
        assertThat(after.items()).containsExactly(almost);
        assertThat(after.next()).isEmpty();
    }

    @Test
    void readBackwardsTheLogGoesFromOldestToNewestOnceAndStartsNewerThanTheCursor() {
        AccountId account = AccountId.random();
        append(account, SecurityEventKind.LOGIN_SUCCEEDED, NOW.minus(RETENTION).minusSeconds(1)); // past the retention
        List<SecurityEvent> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            appended.add(append(account, SecurityEventKind.LOGIN_FAILED, NOW.minusSeconds(10 - i / 2)));
        }
        appended.sort(java.util.Comparator.comparing(SecurityEvent::position));

        List<SecurityEvent> read = inPagesOfThree(before -> store().newer(account, NOW.minus(RETENTION), 3, before));

        assertThat(read).containsExactlyElementsOf(appended);
        assertThat(store().newer(account, NOW.minus(RETENTION), 10, Optional.of(appended.get(4).position())).items())
                .containsExactlyElementsOf(appended.subList(5, 7));
        assertThat(store().newer(account, NOW.minus(RETENTION), 10, Optional.of(appended.get(6).position())).items()).isEmpty();
        assertThat(store().newer(AccountId.random(), NOW.minus(RETENTION), 10, Optional.empty()).items()).isEmpty();
    }

    /** Seven entries read page by page, each from the previous page's next: three pages. */
    private static List<SecurityEvent> inPagesOfThree(java.util.function.Function<Optional<String>, Page> pages) {
        List<SecurityEvent> read = new ArrayList<>();
        Optional<String> from = Optional.empty();
        int count = 0;
        do {
            Page page = pages.apply(from);
            read.addAll(page.items());
            from = page.next();
            count++;
        } while (from.isPresent());
        assertThat(count).isEqualTo(3);
        return read;
    }

    @Test
    void appendingTheSameEntryTwiceKeepsOneAndAccountsAreApart() {
        AccountId account = AccountId.random();
        SecurityEvent event = append(account, SecurityEventKind.ACCOUNT_UPDATED, NOW);
        store().append(event);
        append(AccountId.random(), SecurityEventKind.LOGIN_SUCCEEDED, NOW);

        assertThat(store().page(account, NOW.minus(RETENTION), 10, Optional.empty()).items()).containsExactly(event);
        assertThat(store().page(AccountId.random(), NOW.minus(RETENTION), 10, Optional.empty()).items()).isEmpty();
    }
}
