package br.com.healthmed.telehealth.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.Concurrently;
import br.com.healthmed.telehealth.JoinLinks;
import br.com.healthmed.telehealth.MeetingAttendanceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MeetingAttendanceStore} promises. */
abstract class MeetingAttendanceStoreContract {

    private static final Instant AT = Instant.parse("2026-12-02T13:05:00Z");

    protected abstract MeetingAttendanceStore store();

    @Test
    void theFirstLinkIsKeptForGoodAndTheLatestMovesOnPerParticipant() {
        String room = UUID.randomUUID().toString();
        AccountId doctor = AccountId.random();
        AccountId patient = AccountId.random();
        store().joinLinkIssued(room, patient, AT);
        store().joinLinkIssued(room, doctor, AT.plusSeconds(120));
        store().joinLinkIssued(room, patient, AT.plusSeconds(300));

        assertThat(store().of(List.of(room, "never-used"))).isEqualTo(Map.of(room, Map.of(
                patient, new JoinLinks(AT, AT.plusSeconds(300)), doctor, new JoinLinks(AT.plusSeconds(120), AT.plusSeconds(120)))));
        assertThat(store().of(List.of())).isEmpty();
    }

    @Test
    void concurrentLinksOfBothParticipantsAreAllRecorded() throws Exception {
        String room = UUID.randomUUID().toString();
        AccountId doctor = AccountId.random();
        AccountId patient = AccountId.random();
        Concurrently.run(20, i -> () -> {
            store().joinLinkIssued(room, i % 2 == 0 ? doctor : patient, AT.plusSeconds(i));
            return null;
        });

        Map<AccountId, JoinLinks> links = store().of(List.of(room)).get(room);
        assertThat(links).containsOnlyKeys(doctor, patient);
    }
}
