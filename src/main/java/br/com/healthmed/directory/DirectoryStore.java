package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where doctor profiles, rating totals and the geographic index live. Both adapters pass {@code DirectoryStoreContract}. */
public interface DirectoryStore {

    Optional<DirectoryEntry> find(AccountId doctorId);

    /** The entries among {@code doctorIds} that exist, by id; for DataLoaders. */
    Map<AccountId, DirectoryEntry> findAll(Collection<AccountId> doctorIds);

    /**
     * Replaces the doctor's profile and re-lists the doctor in the index under each of its
     * specialties and {@link Listing#ANY_SPECIALTY} (nowhere without an office location). Leaves the
     * rating totals as they are.
     */
    void save(DoctorProfile profile);

    /**
     * Takes the doctor out of the index ({@code listed} false), or puts them back under their saved
     * profile. While out, saves and ratings change the profile and totals but list nothing, and the
     * doctor is found by no search; the profile itself stays readable. Idempotent.
     */
    void setListed(AccountId doctorId, boolean listed);

    /**
     * Finishes the saves and withdrawals whose listings were left half written (a process stopped between the
     * profile and its listings), begun before {@code begunBefore}: the listings then follow the profile as
     * stored. Idempotent, and safe on every instance at once; the number of doctors healed.
     */
    int healListings(Instant begunBefore);

    /** Adds one rating of {@code stars} (1 to 5) to the doctor's totals, atomically: concurrent ratings are never lost. */
    void addRating(AccountId doctorId, int stars);

    /**
     * Every listed doctor whose office is within the circle (exact great-circle distance
     * {@link GeoPoint#distanceKm} from the centre, edge included), under this specialty code or
     * {@link Listing#ANY_SPECIALTY}, with that distance; each doctor once, in no particular order.
     */
    List<SearchHit> within(GeoCircle circle, String specialty);

    /**
     * The page of {@code query}: its first {@link SearchQuery#limit} hits (listed under its specialty,
     * within its circle, passing its filter, after its cursor) in its order, each doctor once. Reads in
     * proportion to the page where the index allows, not to the circle.
     */
    List<SearchHit> first(SearchQuery query);

    /** How many doctors listed under {@code specialty} within the circle pass the filter. */
    int count(GeoCircle circle, String specialty, ListingFilter filter);
}
