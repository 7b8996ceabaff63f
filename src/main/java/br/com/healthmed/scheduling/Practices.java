package br.com.healthmed.scheduling;

import br.com.healthmed.directory.DoctorPractices;
import br.com.healthmed.directory.PracticeTerms;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.error.DomainException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A doctor's practice terms (price, time zone, consultation length) as scheduling sees them: from the
 * directory when it has the doctor's profile, the defaults otherwise (no price yet).
 */
@Component
class Practices {

    private final DoctorPractices directory;
    private final AccountDirectory accounts;

    Practices(DoctorPractices directory, AccountDirectory accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** The terms of a doctor; NOT_FOUND when the id is not a doctor's. */
    PracticeTerms of(AccountId doctorId) {
        Optional<PracticeTerms> terms = directory.find(doctorId);
        if (terms.isPresent()) {
            return terms.get();
        }
        if (!(accounts.find(doctorId).orElse(null) instanceof DoctorSummary)) {
            throw DomainException.notFound("Doctor");
        }
        return defaults(doctorId);
    }

    /** The terms of each id that is a doctor's. */
    Map<AccountId, PracticeTerms> ofAll(Collection<AccountId> doctorIds) {
        return directory.findAll(doctorIds);
    }

    private static PracticeTerms defaults(AccountId doctorId) {
        return new PracticeTerms(doctorId, Optional.empty(), PracticeTerms.DEFAULT_TIME_ZONE,
                PracticeTerms.DEFAULT_CONSULTATION_DURATION);
    }
}
