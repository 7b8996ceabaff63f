package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import org.springframework.modulith.NamedInterface;

/**
 * Keeps each doctor's rating average and count where the search can filter and sort on them. Called
 * by scheduling once per rated consultation; concurrent calls must never lose a rating (atomic
 * counters, e.g. DynamoDB {@code ADD}).
 */
@NamedInterface("api")
public interface DoctorRatings {

    /** Adds one rating of 1 to 5 stars to the doctor's totals. */
    void addRating(AccountId doctorId, int stars);
}
