package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.PublicationsToOffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The publications whose slots are still to offer, in memory. */
class InMemoryPublicationsToOffer implements PublicationsToOffer {

    private final Map<UUID, Marker> markers = new ConcurrentHashMap<>();

    @Override
    public void add(List<Marker> noted) {
        noted.forEach(marker -> markers.put(marker.id(), marker));
    }

    @Override
    public List<Marker> due(Instant now, int limit) {
        return markers.values().stream().filter(m -> !m.nextAttempt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public void retryAt(UUID marker, int attempts, Instant next) {
        markers.computeIfPresent(marker, (id, m) -> new Marker(id, m.slots(), m.since(), attempts, next));
    }

    @Override
    public void remove(UUID marker) {
        markers.remove(marker);
    }
}
