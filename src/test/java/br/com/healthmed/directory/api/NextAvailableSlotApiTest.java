package br.com.healthmed.directory.api;

import br.com.healthmed.support.GlobalIds;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.NextFreeSlots;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.Api;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Through {@link NextFreeSlots} (directory declares it, scheduling implements it), each search edge shows its doctor's
 * earliest free slot, loaded for the whole page in one call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NextAvailableSlotApiTest.Slots.class)
class NextAvailableSlotApiTest {

    static final Instant START = Instant.parse("2030-01-07T12:00:00Z");
    static final UUID SLOT = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    RecordingSlots slots;

    @Test
    void eachEdgeCarriesItsDoctorsNextSlotFromOneBatchedCall() {
        Api api = Api.at(port);
        String withSlot = publish(api, -10.0, -50.0);
        String withoutSlot = publish(api, -10.001, -50.0);
        slots.free.put(AccountId.of(GlobalIds.key(withSlot)), new NextFreeSlots.FreeSlot(SLOT, START, START.plusSeconds(3000)));
        slots.calls.clear();

        var response = api.document("searchDoctors")
                .variable("filter", Map.of("near", Map.of("latitude", -10.0, "longitude", -50.0), "radiusKm", 1.0))
                .execute();

        response.path("searchDoctors.edges[*].node.id").entityList(String.class).containsExactly(withSlot, withoutSlot)
                .path("searchDoctors.edges[0].nextAvailableSlot.slotId").entity(String.class).isEqualTo(GlobalIds.of("Slot", SLOT))
                .path("searchDoctors.edges[0].nextAvailableSlot.start").entity(String.class).isEqualTo("2030-01-07T12:00:00.000Z")
                .path("searchDoctors.edges[0].nextAvailableSlot.end").entity(String.class).isEqualTo("2030-01-07T12:50:00.000Z")
                .path("searchDoctors.edges[1].nextAvailableSlot").valueIsNull();
        assertThat(slots.calls).singleElement().satisfies(ids -> assertThat(ids).hasSize(2));
    }

    private static String publish(Api api, double latitude, double longitude) {
        Map<String, Object> session = api.registerDoctor(Api.newDoctor());
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) session.get("account")).get("id");
        api.as((String) session.get("accessToken")).document("updateDoctorProfile")
                .variable("input", DirectoryApiContract.profile(latitude, longitude, "200")).execute()
                .path("updateDoctorProfile.id").entity(String.class).isEqualTo(id);
        return id;
    }

    /** Free slots set by the test; remembers the doctor ids of every call. */
    static class RecordingSlots implements NextFreeSlots {
        final Map<AccountId, FreeSlot> free = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Collection<AccountId>> calls = new CopyOnWriteArrayList<>();

        @Override
        public Map<AccountId, FreeSlot> earliestFreeSlots(Collection<AccountId> doctorIds, Instant after) {
            calls.add(List.copyOf(doctorIds));
            Map<AccountId, FreeSlot> found = new java.util.HashMap<>();
            doctorIds.forEach(id -> {
                if (free.containsKey(id)) {
                    found.put(id, free.get(id));
                }
            });
            return found;
        }
    }

    @TestConfiguration
    static class Slots {
        @Bean
        @org.springframework.context.annotation.Primary // over scheduling's real one: the test sets the slots
        RecordingSlots recordingSlots() {
            return new RecordingSlots();
        }
    }
}
