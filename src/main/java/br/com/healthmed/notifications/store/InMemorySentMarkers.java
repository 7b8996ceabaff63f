package br.com.healthmed.notifications.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.SentMarkers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Sent markers in memory; each marker changes atomically ({@link ConcurrentHashMap#compute}). */
public class InMemorySentMarkers implements SentMarkers {

    private record Key(String deliveryId, AccountId recipient) {}

    /** {@code leaseUntil} is null once completed. */
    private record Marker(@Nullable Instant leaseUntil) {}

    private final Map<Key, Marker> markers = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String deliveryId, AccountId recipient, Instant now, Duration lease) {
        Claim[] result = new Claim[1];
        markers.compute(new Key(deliveryId, recipient), (key, marker) -> {
            if (marker == null || (marker.leaseUntil() != null && marker.leaseUntil().isBefore(now))) {
                result[0] = Claim.GRANTED;
                return new Marker(now.plus(lease));
            }
            result[0] = marker.leaseUntil() == null ? Claim.DONE : Claim.BUSY;
            return marker;
        });
        return result[0];
    }

    @Override
    public void complete(String deliveryId, AccountId recipient, Outcome outcome, Instant now) {
        markers.put(new Key(deliveryId, recipient), new Marker(null));
    }

    @Override
    public void release(String deliveryId, AccountId recipient) {
        markers.computeIfPresent(new Key(deliveryId, recipient), (key, marker) -> marker.leaseUntil() == null ? marker : null);
    }
}
