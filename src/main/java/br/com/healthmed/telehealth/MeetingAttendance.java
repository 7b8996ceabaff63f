package br.com.healthmed.telehealth;

import br.com.healthmed.identity.AccountId;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Records, for the consultation record, when each participant obtained their join link, and tells it to both. */
@Service
@NamedInterface("api")
public class MeetingAttendance {

    private final MeetingAttendanceStore store;
    private final Clock clock;

    MeetingAttendance(MeetingAttendanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The participant was just handed their join link to the room. */
    public void joinLinkIssued(MeetingRoom room, AccountId participant) {
        store.joinLinkIssued(room.name(), participant, clock.instant());
    }

    /** Per room name, per participant, when they obtained their links. */
    public Map<String, Map<AccountId, JoinLinks>> of(Collection<MeetingRoom> rooms) {
        return store.of(rooms.stream().map(MeetingRoom::name).distinct().toList());
    }
}
