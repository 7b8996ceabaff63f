package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RecordsPropertiesTest {

    @Test
    void theAccessLogIsKeptAtLeastSixMonthsAsTheMarcoCivilRequires() {
        assertThat(properties(Duration.ofDays(183)).accessLogRetention()).isEqualTo(Duration.ofDays(183));
        assertThatThrownBy(() -> properties(Duration.ofDays(182)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Marco Civil");
    }

    private static RecordsProperties properties(Duration accessLogRetention) {
        return new RecordsProperties(List.of("application/pdf"), DataSize.ofMegabytes(50), DataSize.ofGigabytes(2),
                Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofDays(365), 20, accessLogRetention,
                Duration.ofMinutes(10), 20, Duration.ofHours(1));
    }
}
