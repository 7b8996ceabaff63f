package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geohash;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchArea;
import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The directory in memory, indexed like the DynamoDB adapter: a sorted map keyed
 * {@code <specialty>#<geohash-9>#<doctor id>}, read by the same geohash prefixes
 * ({@link SearchArea}), then filtered by exact distance. Entries change under their map lock, which
 * makes a rating addition atomic.
 */
class InMemoryDirectoryStore implements DirectoryStore {

    private final Map<AccountId, DirectoryEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, AccountId> index = new ConcurrentSkipListMap<>();

    @Override
    public Optional<DirectoryEntry> find(AccountId doctorId) {
        return Optional.ofNullable(entries.get(doctorId));
    }

    @Override
    public Map<AccountId, DirectoryEntry> findAll(Collection<AccountId> doctorIds) {
        Map<AccountId, DirectoryEntry> found = new HashMap<>();
        doctorIds.forEach(id -> find(id).ifPresent(entry -> found.put(id, entry)));
        return found;
    }

    @Override
    public void save(DoctorProfile profile) {
        entries.compute(profile.doctorId(), (id, old) -> {
            if (old != null) {
                old.profile().ifPresent(previous -> indexKeys(previous).forEach(index::remove));
            }
            indexKeys(profile).forEach(key -> index.put(key, id));
            return new DirectoryEntry(id, Optional.of(profile), old == null ? Rating.NONE : old.rating());
        });
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        entries.compute(doctorId, (id, old) -> old == null
                ? new DirectoryEntry(id, Optional.empty(), Rating.NONE.plus(stars))
                : new DirectoryEntry(id, old.profile(), old.rating().plus(stars)));
    }

    @Override
    public List<Listing> within(GeoCircle circle, String specialty) {
        Map<AccountId, Listing> found = new LinkedHashMap<>();
        for (SearchArea.Range range : SearchArea.ranges(circle)) {
            String prefix = specialty + "#" + range.prefix();
            NavigableMap<String, AccountId> cell = index.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
            for (AccountId id : cell.values()) {
                // The index may lag a concurrent save by an instant: the entry itself decides.
                DirectoryEntry entry = entries.get(id);
                if (entry == null || entry.profile().isEmpty()) {
                    continue;
                }
                DoctorProfile profile = entry.profile().get();
                Optional<GeoPoint> location = profile.officeLocation();
                boolean listedUnder = specialty.equals(Listing.ANY_SPECIALTY) || profile.specialties().contains(specialty);
                if (location.isPresent() && listedUnder && circle.contains(location.get())) {
                    found.putIfAbsent(id, new Listing(id, location.get(), profile.consultationPrice(), entry.rating()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static List<String> indexKeys(DoctorProfile profile) {
        return profile.officeLocation()
                .map(location -> Geohash.encode(location, Geohash.STORED_PRECISION))
                .map(hash -> profile.listedUnder().stream()
                        .map(specialty -> specialty + "#" + hash + "#" + profile.doctorId())
                        .toList())
                .orElse(List.of());
    }
}
