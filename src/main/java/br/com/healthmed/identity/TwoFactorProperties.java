package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.identity.two-factor.*}.
 *
 * @param mandatoryForDoctors a doctor's login with the right password but no second factor gets
 *                            {@code TWO_FACTOR_ENROLMENT_REQUIRED} with an enrolment ticket instead
 *                            of tokens (sessions already open keep working until they end)
 * @param challengeTtl        how long a login's second-factor challenge waits for its code
 * @param enrolmentTicketTtl  how long the ticket of a mandatory enrolment works
 * @param issuer              the issuer an authenticator app shows beside the account
 */
@ConfigurationProperties("healthmed.identity.two-factor")
public record TwoFactorProperties(
        @DefaultValue("false") boolean mandatoryForDoctors,
        @DefaultValue("PT5M") Duration challengeTtl,
        @DefaultValue("PT10M") Duration enrolmentTicketTtl,
        @DefaultValue("Health&Med") String issuer) {}
