package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Geohash;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchArea;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.identity.AccountId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directory in memory, indexed like the DynamoDB adapter: each doctor's {@link Listing} sits in a
 * bucket per specialty (and {@code *}) and geohash-5 cell, {@code <specialty>#<geohash-5>}; a search
 * reads the buckets of the same ranges ({@link SearchArea}: a cell, or the 32 cells of a geohash-4
 * partition), then filters by exact distance. An entry and its listings change together under the
 * entry's map lock, which also makes a rating addition atomic.
 */
class InMemoryDirectoryStore implements DirectoryStore {

    private final Map<AccountId, DirectoryEntry> entries = new ConcurrentHashMap<>();
    private final Map<String, Map<AccountId, Listing>> cells = new ConcurrentHashMap<>();
    /** Odd while a save moves index keys, bumped twice per save: tells a search whether it may have met a doctor twice. */
    private final AtomicLong moves = new AtomicLong();

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
            moves.incrementAndGet();
            if (old != null) {
                old.profile().ifPresent(previous -> cellKeys(previous).forEach(key -> cells.getOrDefault(key, Map.of()).remove(id)));
            }
            DirectoryEntry saved = new DirectoryEntry(id, Optional.of(profile), old == null ? Rating.NONE : old.rating());
            list(saved);
            moves.incrementAndGet();
            return saved;
        });
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        entries.compute(doctorId, (id, old) -> {
            DirectoryEntry rated = old == null
                    ? new DirectoryEntry(id, Optional.empty(), Rating.NONE.plus(stars))
                    : new DirectoryEntry(id, old.profile(), old.rating().plus(stars));
            list(rated);
            return rated;
        });
    }

    @Override
    public List<SearchHit> within(GeoCircle circle, String specialty) {
        GeoCircle.Probe probe = circle.probe();
        long movesBefore = moves.get();
        List<SearchHit> found = new ArrayList<>();
        for (SearchArea.Range range : SearchArea.ranges(circle)) {
            List<String> rangeCells = range.cell().map(List::of).orElseGet(() -> Geohash.children(range.partitionCell()));
            for (String cell : rangeCells) {
                for (Listing listing : cells.getOrDefault(specialty + "#" + cell, Map.of()).values()) {
                    SearchHit hit = probe.hit(listing);
                    if (hit != null) {
                        found.add(hit);
                    }
                }
            }
        }
        // Ranges are disjoint cells and an office is in one cell, so a doctor is met twice only when
        // a save moved it meanwhile; only then is it worth removing duplicates.
        long movesAfter = moves.get();
        if (movesBefore != movesAfter || movesBefore % 2 != 0) {
            Set<AccountId> seen = new HashSet<>();
            found.removeIf(hit -> !seen.add(hit.listing().doctorId()));
        }
        return found;
    }

    /** (Re)writes the entry's listings; called under the entry's lock. */
    private void list(DirectoryEntry entry) {
        entry.profile().ifPresent(profile -> profile.officeLocation().ifPresent(location -> {
            Listing listing = new Listing(entry.doctorId(), location, profile.consultationPrice(), entry.rating());
            cellKeys(profile).forEach(key -> cells.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(entry.doctorId(), listing));
        }));
    }

    private static List<String> cellKeys(DoctorProfile profile) {
        return profile.officeLocation()
                .map(location -> Geohash.encode(location, Geohash.CELL_PRECISION))
                .map(cell -> profile.listedUnder().stream().map(specialty -> specialty + "#" + cell).toList())
                .orElse(List.of());
    }
}
