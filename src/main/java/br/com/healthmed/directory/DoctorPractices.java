package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** Read access to doctors' practice terms for other modules (batched for DataLoaders). */
@NamedInterface("api")
public interface DoctorPractices {

    /** The terms of this doctor; empty when the id is not a doctor's. Defaults apply until the doctor edits the profile. */
    Optional<PracticeTerms> find(AccountId doctorId);

    /** The terms of those ids that are doctors'; others are absent from the map. */
    Map<AccountId, PracticeTerms> findAll(Collection<AccountId> doctorIds);
}
