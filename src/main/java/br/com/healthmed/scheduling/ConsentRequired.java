package br.com.healthmed.scheduling;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every consultation here is a teleconsultation, which CFM Resolution 2.314/2022 allows only with the
 * patient's informed consent: a patient books only after accepting the consent in force
 * ({@code CONSENT_REQUIRED} otherwise). The meeting link asks the same ({@code AppointmentController}).
 */
@Component
@Order(2) // after VerifiedEmailRequired
class ConsentRequired implements BookingEligibility {

    private final TeleconsultationConsent consent;

    ConsentRequired(TeleconsultationConsent consent) {
        this.consent = consent;
    }

    @Override
    public void check(AccountId patientId) {
        consent.requireCurrent(patientId);
    }
}
