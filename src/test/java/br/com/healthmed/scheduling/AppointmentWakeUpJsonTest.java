package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * During a rolling deploy, instances of two releases wake each other's appointment subscriptions up on
 * {@link AppointmentEvent#TOPIC}: a wake-up travels with its class name (RedisEventBus) and a subscriber
 * decodes only the class it asked for, so both must stay what the previous release published.
 */
class AppointmentWakeUpJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theWakeUpKeepsTheClassNameTopicAndFieldsThePreviousReleasePublished() {
        AccountId account = AccountId.of("5a1e0000-3b4d-4e5f-8a6b-7c8d9e0f1a2b");
        String previousRelease = "{\"account\":{\"value\":\"5a1e0000-3b4d-4e5f-8a6b-7c8d9e0f1a2b\"},\"position\":20000000000042}";

        assertThat(AppointmentEventFeed.Appended.class.getName()).isEqualTo("br.com.healthmed.scheduling.AppointmentEventFeed$Appended");
        assertThat(AppointmentEvent.TOPIC).isEqualTo("scheduling.appointments");
        assertThat(json.readTree(json.writeValueAsString(new AppointmentEventFeed.Appended(account, 20_000_000_000_042L))))
                .isEqualTo(json.readTree(previousRelease));
        assertThat(json.readValue(previousRelease, AppointmentEventFeed.Appended.class))
                .isEqualTo(new AppointmentEventFeed.Appended(account, 20_000_000_000_042L));
        assertThat(AppointmentEventFeed.WAKE_UPS.ownerOf().apply(new AppointmentEventFeed.Appended(account, 1))).isEqualTo(account.toString());
    }
}
