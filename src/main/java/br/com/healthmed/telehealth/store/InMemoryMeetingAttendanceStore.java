package br.com.healthmed.telehealth.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.telehealth.JoinLinks;
import br.com.healthmed.telehealth.MeetingAttendanceStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Join-link attendance in memory: the embedded default. */
class InMemoryMeetingAttendanceStore implements MeetingAttendanceStore {

    private final Map<String, Map<AccountId, JoinLinks>> rooms = new ConcurrentHashMap<>();

    @Override
    public void joinLinkIssued(String room, AccountId participant, Instant at) {
        rooms.computeIfAbsent(room, name -> new ConcurrentHashMap<>()).merge(participant, new JoinLinks(at, at),
                (kept, now) -> new JoinLinks(kept.first(), now.last().isAfter(kept.last()) ? now.last() : kept.last()));
    }

    @Override
    public Map<String, Map<AccountId, JoinLinks>> of(Collection<String> names) {
        Map<String, Map<AccountId, JoinLinks>> found = new HashMap<>();
        names.forEach(name -> {
            Map<AccountId, JoinLinks> links = rooms.get(name);
            if (links != null) {
                found.put(name, Map.copyOf(links));
            }
        });
        return found;
    }
}
