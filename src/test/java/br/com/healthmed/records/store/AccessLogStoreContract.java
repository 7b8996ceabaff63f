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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AccessLogStore} promises. */
abstract class AccessLogStoreContract {

    protected abstract AccessLogStore store();

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

        Page<AccessLogEntry> first = store().entries(patient, 2, Optional.empty());
        Page<AccessLogEntry> second = store().entries(patient, 2, first.next());
        Page<AccessLogEntry> last = store().entries(patient, 2, second.next());

        assertThat(first.items()).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(last.items()).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void anEntryAppendedTwiceIsKeptOnce() {
        AccessLogEntry entry = entry(patient, 1);
        store().append(entry);
        store().append(entry);

        assertThat(store().entries(patient, 10, Optional.empty()).items()).containsExactly(entry);
    }

    @Test
    void anAnonymousRefusalKeepsWhatIsKnown() {
        AccessLogEntry refused = new AccessLogEntry(UUID.randomUUID(), patient, NOW, AccessAction.ACCESS_REFUSED,
                Optional.empty(), Optional.empty(), Optional.of(FileId.random()), Optional.of("exame.pdf"), Optional.empty(),
                Optional.empty(), Optional.empty(), "2001:db8::1");
        store().append(refused);

        assertThat(store().entries(patient, 10, Optional.empty()).items()).containsExactly(refused);
    }

    private static AccessLogEntry entry(AccountId patient, int second) {
        return new AccessLogEntry(UUID.randomUUID(), patient, NOW.plusSeconds(second), AccessAction.DOWNLOAD_URL_ISSUED,
                Optional.of(AccountId.random()), Optional.of(Role.DOCTOR), Optional.of(FileId.random()), Optional.of("exame.pdf"),
                Optional.of(GrantId.random()), Optional.of("'cardiologia'"), Optional.of(AccountId.random()), "203.0.113.7");
    }
}
