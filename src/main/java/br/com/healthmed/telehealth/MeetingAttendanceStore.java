package br.com.healthmed.telehealth;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Who obtained a join link to which room, when: the record of who took part in a consultation (a link
 * is handed out only to its two participants, only while the room is open). Implementations must pass
 * {@code MeetingAttendanceStoreContract}.
 */
public interface MeetingAttendanceStore {

    /**
     * {@code participant} obtained their link to {@code room} at {@code at}: the first such instant is
     * kept for good, the latest moves on. One atomic update; concurrent calls lose nothing.
     */
    void joinLinkIssued(String room, AccountId participant, Instant at);

    /** Each room's participants who ever obtained a link (rooms without any are absent), in one batched read. */
    Map<String, Map<AccountId, JoinLinks>> of(Collection<String> rooms);
}
