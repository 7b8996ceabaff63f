package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** {@link DoctorPractices} for other modules: the terms of a doctor's profile, defaults until it is edited. */
@Service
class DirectoryPractices implements DoctorPractices {

    private final DoctorProfileService profiles;

    DirectoryPractices(DoctorProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<PracticeTerms> find(AccountId doctorId) {
        return profiles.find(doctorId).map(view -> view.profile().terms());
    }

    @Override
    public Map<AccountId, PracticeTerms> findAll(Collection<AccountId> doctorIds) {
        return profiles.findAll(doctorIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().profile().terms()));
    }
}
