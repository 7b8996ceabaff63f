package br.com.healthmed.scheduling;

import br.com.healthmed.directory.NextFreeSlots;
import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gives the directory's search results their {@code nextAvailableSlot}. */
@Component
class FreeSlotsForDirectory implements NextFreeSlots {

    private final Agenda agenda;

    FreeSlotsForDirectory(Agenda agenda) {
        this.agenda = agenda;
    }

    @Override
    public Map<AccountId, FreeSlot> earliestFreeSlots(Collection<AccountId> doctorIds, Instant after) {
        return agenda.earliestFree(doctorIds, after).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new FreeSlot(e.getValue().id().value(), e.getValue().start(), e.getValue().end())));
    }
}
