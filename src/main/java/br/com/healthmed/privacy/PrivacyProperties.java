package br.com.healthmed.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code healthmed.lgpd}.
 *
 * @param deactivationGrace how long after a deactivation the owner may take the account back; then it is anonymised
 * @param exportTtl         how long a ready copy of a person's data stays downloadable, then it is deleted
 * @param exportUrlTtl      how long one download URL of a copy works
 * @param exportsPerWindow  copies an account may request within {@code exportWindow}
 * @param exportWindow      the window of that limit
 * @param exportRetryAfter  a copy still being built after this long is built again by the sweep (its builder died)
 * @param exportAttempts    builds tried before a copy is given up as {@code FAILED}
 * @param sweepInterval     how often the sweep resumes copies and deactivations and anonymises accounts whose grace ended
 */
@ConfigurationProperties("healthmed.lgpd")
public record PrivacyProperties(
        @DefaultValue("P30D") Duration deactivationGrace,
        @DefaultValue("P7D") Duration exportTtl,
        @DefaultValue("PT5M") Duration exportUrlTtl,
        @DefaultValue("3") int exportsPerWindow,
        @DefaultValue("P1D") Duration exportWindow,
        @DefaultValue("PT10M") Duration exportRetryAfter,
        @DefaultValue("5") int exportAttempts,
        @DefaultValue("PT1M") Duration sweepInterval) {}
