package br.com.healthmed.platform.events.log;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.platform.EntityId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A module-neutral event for the shared log's tests: something noted, with a stable id. */
record Noted(String id, Instant at, String text) {

    /** An owner as the logs see one: a typed id. */
    record Owner(UUID value) implements EntityId {
        static Owner random() {
            return new Owner(UUID.randomUUID());
        }
    }

    static final EventItemCodec<Noted> CODEC = EventItemCodec.of("TEST_EVENT", Noted::id, Noted::at,
            event -> Map.of("eventId", s(event.id()), "at", instant(event.at()), "text", s(event.text())),
            item -> new Noted(string(item, "eventId"), instant(item, "at"), string(item, "text")));

    static Noted at(Instant at) {
        return new Noted(UUID.randomUUID().toString(), at, "nota " + at);
    }
}
