package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import org.springframework.stereotype.Component;

/** Today's {@link BookingEligibility}: every patient account may book (no verified contact exists yet). */
@Component
class EveryPatientIsEligible implements BookingEligibility {

    @Override
    public void check(AccountId patientId) {
        // Intentionally empty until identity verifies e-mail addresses: see BookingEligibility.
    }
}
