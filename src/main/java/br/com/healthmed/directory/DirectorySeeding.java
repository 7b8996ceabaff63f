package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Profiles and ratings made by the service itself rather than by doctors and patients: the demo data of a
 * local run. A profile is stored as given (its position already known, so no geocoding), and a rating
 * counts as one a patient gave after a consultation. Everyone else goes through
 * {@link DoctorProfileService} and the rating of a finished appointment. A named interface of its own
 * ({@code directory :: seeding}) that only the demo module may use.
 */
@Service
@NamedInterface("seeding")
public class DirectorySeeding {

    private final DirectoryStore directory;
    private final DoctorRatings ratings;

    DirectorySeeding(DirectoryStore directory, DoctorRatings ratings) {
        this.directory = directory;
        this.ratings = ratings;
    }

    /** Lists the doctor in the directory with this profile (replacing one they had). */
    public void profile(DoctorProfile profile) {
        directory.save(profile);
    }

    /** One more rating of the doctor, 1 to 5 stars (checked as for a patient's rating). */
    public void rating(AccountId doctor, int stars) {
        ratings.addRating(doctor, stars);
    }
}
