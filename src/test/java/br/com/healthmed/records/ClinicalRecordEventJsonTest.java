package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Live events cross instances as JSON on Redis (RedisEventBus): an event must come back as it left. */
class ClinicalRecordEventJsonTest {

    @Test
    void anEventSurvivesTheTripAsJson() {
        JsonMapper json = JsonMapper.builder().build();
        ClinicalRecordEvent event = new ClinicalRecordEvent("note:" + UUID.randomUUID() + ":2", ClinicalRecordEvent.Kind.NOTE_AMENDED,
                AccountId.random(), AccountId.random(), AppointmentId.random(), Instant.parse("2026-12-02T13:00:00Z"), UUID.randomUUID(), 2,
                Instant.parse("2026-12-02T13:07:12.123456789Z"));

        assertThat(json.readValue(json.writeValueAsString(event), ClinicalRecordEvent.class)).isEqualTo(event);
    }
}
