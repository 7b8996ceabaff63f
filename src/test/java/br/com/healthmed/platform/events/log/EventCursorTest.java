package br.com.healthmed.platform.events.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Cursors are held by clients across releases (an app persists its last event id), so their encoding is a
 * wire format: this pins it with a literal id as the release before the shared log encoded it.
 */
class EventCursorTest {

    /** {@code ev1:3f1c2a5e-9b7d-4c1e-8a2b-6d4e5f708192:20426000000007:1764806400123}, base64url without padding. */
    private static final String APPOINTMENT_ID_OF_THE_PREVIOUS_RELEASE =
            "ZXYxOjNmMWMyYTVlLTliN2QtNGMxZS04YTJiLTZkNGU1ZjcwODE5MjoyMDQyNjAwMDAwMDAwNzoxNzY0ODA2NDAwMTIz";

    @Test
    void anAppointmentEventIdOfThePreviousReleaseReadsTheSameAndIsWrittenTheSame() {
        EventCursor cursor = EventCursor.parse("ev1", APPOINTMENT_ID_OF_THE_PREVIOUS_RELEASE).orElseThrow();

        assertThat(cursor.owner()).isEqualTo("3f1c2a5e-9b7d-4c1e-8a2b-6d4e5f708192");
        assertThat(cursor.position()).isEqualTo(20_426_000_000_007L);
        assertThat(cursor.appendedAt()).isEqualTo(Instant.ofEpochMilli(1_764_806_400_123L));
        assertThat(cursor.encoded()).isEqualTo(APPOINTMENT_ID_OF_THE_PREVIOUS_RELEASE);
    }

    @Test
    void anIdOfTheOtherLogOrNoIdAtAllIsNotACursorOfThisOne() {
        assertThat(EventCursor.parse("cr1", APPOINTMENT_ID_OF_THE_PREVIOUS_RELEASE)).isEmpty();
        assertThat(EventCursor.parse("ev1", "not-a-cursor")).isEmpty();
        assertThat(EventCursor.parse("ev1", "")).isEmpty();
    }
}
