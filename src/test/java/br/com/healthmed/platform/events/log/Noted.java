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

    static final EventItemCodec<Noted> CODEC = new EventItemCodec<>() {
        @Override
        public String id(Noted event) {
            return event.id();
        }

        @Override
        public Instant happenedAt(Noted event) {
            return event.at();
        }

        @Override
        public String itemType() {
            return "TEST_EVENT";
        }

        @Override
        public Map<String, AttributeValue> attributes(Noted event) {
            return Map.of("eventId", s(event.id()), "at", instant(event.at()), "text", s(event.text()));
        }

        @Override
        public Noted event(Map<String, AttributeValue> item) {
            return new Noted(string(item, "eventId"), instant(item, "at"), string(item, "text"));
        }
    };

    static Noted at(Instant at) {
        return new Noted(UUID.randomUUID().toString(), at, "nota " + at);
    }
}
