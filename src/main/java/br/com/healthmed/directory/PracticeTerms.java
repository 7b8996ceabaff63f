package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * What scheduling needs to know of a doctor's practice: the price of one consultation in BRL (absent
 * until the doctor sets it), the time zone of their working hours and the length of a consultation.
 */
@NamedInterface("api")
public record PracticeTerms(
        AccountId doctorId,
        Optional<BigDecimal> consultationPrice,
        ZoneId timeZone,
        Duration consultationDuration) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Sao_Paulo");
    public static final Duration DEFAULT_CONSULTATION_DURATION = Duration.ofMinutes(50);

    public PracticeTerms {
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(consultationPrice);
        Objects.requireNonNull(timeZone);
        Objects.requireNonNull(consultationDuration);
    }
}
