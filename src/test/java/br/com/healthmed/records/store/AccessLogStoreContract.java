package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.AccessAction;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.Page;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every {@link AccessLogStore} promises. */
abstract class AccessLogStoreContract {

    protected abstract AccessLogStore store();

    private static final Instant EPOCH = Instant.EPOCH;
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final AccountId patient = AccountId.random();

    @Test
    void entriesComeBackWholeNewestFirstPageByPage() {
        List<AccessLogEntry> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccessLogEntry entry = entry(patient, i);
            store().append(entry);
            newestFirst.add(0, entry);
        }
        store().append(entry(AccountId.random(), 99));

        assertPagesOfTwo(from -> store().entries(patient, EPOCH, 2, from), newestFirst);
    }

    @Test
    void anEntryAppendedTwiceIsKeptOnce() {
        AccessLogEntry entry = entry(patient, 1);
        store().append(entry);
        store().append(entry);

        assertThat(store().entries(patient, EPOCH, 10, Optional.empty()).items()).containsExactly(entry);
    }

    @Test
    void anAnonymousRefusalKeepsWhatIsKnown() {
        AccessLogEntry refused = new AccessLogEntry(UUID.randomUUID(), patient, NOW, AccessAction.ACCESS_REFUSED,
                Optional.empty(), Optional.empty(), Optional.of(FileId.random()), Optional.of("exame.pdf"), Optional.empty(),
                Optional.empty(), Optional.empty(), "2001:db8::1");
        store().append(refused);

        assertThat(store().entries(patient, EPOCH, 10, Optional.empty()).items()).containsExactly(refused);
    }

    @Test
    void identicalEntriesInARowWithinTheWindowAreOneEntryWithACount() {
        AccessLogEntry first = refusal(patient, 0);
        store().appendOrCountRepeat(first, "intruder|exame", WINDOW);
        store().appendOrCountRepeat(refusal(patient, 60), "intruder|exame", WINDOW);
        store().appendOrCountRepeat(refusal(patient, 120), "intruder|exame", WINDOW);

        assertThat(store().entries(patient, EPOCH, 10, Optional.empty()).items())
                .containsExactly(first.repeatedAt(NOW.plusSeconds(60)).repeatedAt(NOW.plusSeconds(120)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.count()).isEqualTo(3);
                    assertThat(entry.at()).isEqualTo(NOW);
                    assertThat(entry.lastAt()).isEqualTo(NOW.plusSeconds(120));
                });
    }

    @Test
    void anotherEntryInBetweenAnotherKeyOrTheEndOfTheWindowStartANewEntry() {
        store().appendOrCountRepeat(refusal(patient, 0), "intruder|exame", WINDOW);
        store().append(entry(patient, 1));                                           // something else happened
        store().appendOrCountRepeat(refusal(patient, 2), "intruder|exame", WINDOW);  // new entry
        store().appendOrCountRepeat(refusal(patient, 3), "intruder|laudo", WINDOW);  // another file: new entry
        store().appendOrCountRepeat(refusal(patient, 4), "intruder|exame", WINDOW);  // not the latest: new entry
        store().appendOrCountRepeat(refusal(patient, 5), "intruder|exame", WINDOW);  // repeat of the latest
        store().appendOrCountRepeat(refusal(patient, 4 + 600), "intruder|exame", WINDOW); // 10 minutes after the first: new

        assertThat(store().entries(patient, EPOCH, 10, Optional.empty()).items()).extracting(AccessLogEntry::count)
                .containsExactly(1, 2, 1, 1, 1, 1);
    }

    @Test
    void entriesOlderThanTheRetentionAreNotRead() {
        for (int i = 0; i < 5; i++) {
            store().append(entry(patient, i * 10));
        }

        Page<AccessLogEntry> first = store().entries(patient, NOW.plusSeconds(20), 2, Optional.empty());
        assertThat(first.items()).extracting(AccessLogEntry::at).containsExactly(NOW.plusSeconds(40), NOW.plusSeconds(30));
        Page<AccessLogEntry> second = store().entries(patient, NOW.plusSeconds(20), 2, first.next());
        assertThat(second.items()).extracting(AccessLogEntry::at).containsExactly(NOW.plusSeconds(20));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void readBackwardsTheLogGoesFromTheCursorTowardsTheNewestWithinTheRetention() {
        List<AccessLogEntry> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccessLogEntry entry = entry(patient, 10 + i);
            store().append(entry);
            oldestFirst.add(entry);
        }
        store().append(entry(patient, 0)); // older than the retention below
        store().append(entry(AccountId.random(), 12));
        Instant since = NOW.plusSeconds(5);

        assertPagesOfTwo(from -> store().newer(patient, since, 2, from), oldestFirst);
        Page<AccessLogEntry> newestTwo = store().entries(patient, since, 2, Optional.empty());
        Page<AccessLogEntry> sinceThose = store().newer(patient, since, 10, Optional.of(newestTwo.next().orElseThrow()));
        assertThat(sinceThose.items()).as("nothing newer than the newest but the one in between").containsExactly(oldestFirst.get(4));
    }

    @Test
    void failedLookupsAreCountedPerCallerAndWindowExactlyUnderConcurrency() throws Exception {
        List<Object> counts = Concurrently.run(30, i -> () -> store().countFailedLookup("account:intruder", NOW, WINDOW));

        assertThat(counts).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 30).boxed().map(Object.class::cast).toList());
        assertThat(store().countFailedLookup("account:intruder", NOW, WINDOW)).isEqualTo(31);
        assertThat(store().countFailedLookup("address:203.0.113.7", NOW, WINDOW)).isEqualTo(1);
        assertThat(store().countFailedLookup("account:intruder", NOW.plus(WINDOW), WINDOW)).as("the next window").isEqualTo(1);
    }

    private static AccessLogEntry refusal(AccountId patient, int second) {
        return new AccessLogEntry(UUID.randomUUID(), patient, NOW.plusSeconds(second), AccessAction.ACCESS_REFUSED,
                Optional.of(AccountId.random()), Optional.of(Role.PATIENT), Optional.of(FileId.random()), Optional.of("exame.pdf"),
                Optional.empty(), Optional.empty(), Optional.empty(), "203.0.113.9");
    }

    /** Five entries read two at a time, each page from the previous page's next, come back as {@code expected}. */
    private static void assertPagesOfTwo(java.util.function.Function<Optional<String>, Page<AccessLogEntry>> pages,
                                         List<AccessLogEntry> expected) {
        Page<AccessLogEntry> first = pages.apply(Optional.empty());
        Page<AccessLogEntry> second = pages.apply(first.next());
        Page<AccessLogEntry> last = pages.apply(second.next());

        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(last.items()).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(last.next()).isEmpty();
    }

    private static AccessLogEntry entry(AccountId patient, int second) {
        return new AccessLogEntry(UUID.randomUUID(), patient, NOW.plusSeconds(second), AccessAction.DOWNLOAD_URL_ISSUED,
                Optional.of(AccountId.random()), Optional.of(Role.DOCTOR), Optional.of(FileId.random()), Optional.of("exame.pdf"),
                Optional.of(GrantId.random()), Optional.of("'cardiologia'"), Optional.of(AccountId.random()), "203.0.113.7");
    }
}
