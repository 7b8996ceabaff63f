package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void aKeyIsItsPartitionAndSortKey() {
        assertThat(StoredKey.shown(Keys.key("A#1", "B"))).isEqualTo("A#1 / B");
        assertThat(Keys.key("A#1", "B")).containsOnlyKeys("PK", "SK");
    }

    @Test
    void theIdAfterAPrefixIsReadBackAndAnyOtherShapeRefused() {
        assertThat(Keys.idAfter("SLOT#", "SLOT#abc")).isEqualTo("abc");
        assertThatThrownBy(() -> Keys.idAfter("SLOT#", "APPT#abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLOT#").hasMessageContaining("APPT#abc");
        assertThatThrownBy(() -> Keys.idAfter("SLOT#", "SLOT#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.idAfter("SLOT#", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shardsAreTheFirstHexDigit() {
        assertThat(Keys.hexShard("c0ffee00-0000-4000-8000-000000000000")).isEqualTo("c");
        assertThat(Keys.hexShard(15)).isEqualTo("f");
    }

    @Test
    void wholeSecondsAreFixedWidth() {
        assertThat(TimePositions.wholeSeconds(java.time.Instant.parse("2026-12-01T14:05:09.123Z"))).isEqualTo("2026-12-01T14:05:09Z");
    }
}
