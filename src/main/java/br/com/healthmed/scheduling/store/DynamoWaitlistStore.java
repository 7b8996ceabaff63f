package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.WaitlistEntry;
import br.com.healthmed.scheduling.WaitlistStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Waitlists in DynamoDB. The patient's {@code WAITER#<patient>} item holds all their entries under a
 * version: a join or a leave writes it only over the version read, the commit point for the limits.
 * Each entry is also listed under its doctor ({@code WAITLIST#<doctor>}, sorted by join order), which
 * is what offers read. A join writes the patient's item first, then the listing; a leave removes the
 * listing first, then the entry: a crash in between leaves an entry that is not offered anything
 * (joining again writes its listing) or a listing already gone, never an offer to someone who left.
 */
class DynamoWaitlistStore implements WaitlistStore {

    private static final int ATTEMPTS = 8;
    /** The most listings an offer reads for one slot (windows that do not fit are skipped on the way). */
    private static final int MAX_READ = 2_000;

    private final DynamoTable table;

    DynamoWaitlistStore(DynamoTable table) {
        this.table = table;
    }

    private record Entries(long version, Map<String, WaitlistEntry> byDoctor) {}

    @Override
    public Joined join(WaitlistEntry entry, int maxPerPatient, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Entries entries = read(entry.patientId());
            Map<String, WaitlistEntry> live = new HashMap<>(entries.byDoctor());
            live.values().removeIf(e -> !e.to().isAfter(now));
            WaitlistEntry existing = live.get(entry.doctorId().toString());
            if (existing != null) {
                putListing(existing);
                return new Joined(Result.ALREADY, Optional.of(existing));
            }
            if (live.size() >= maxPerPatient) {
                return new Joined(Result.LIMIT_REACHED, Optional.empty());
            }
            live.put(entry.doctorId().toString(), entry);
            if (write(entry.patientId(), entries.version(), live)) {
                putListing(entry);
                return new Joined(Result.JOINED, Optional.of(entry));
            }
        }
        throw busy();
    }

    @Override
    public Optional<WaitlistEntry> leave(AccountId patientId, AccountId doctorId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Entries entries = read(patientId);
            WaitlistEntry existing = entries.byDoctor().get(doctorId.toString());
            if (existing == null) {
                return Optional.empty();
            }
            table.client().deleteItem(b -> b.tableName(table.name()).key(WaitlistKeys.waitlistEntry(doctorId.toString(), existing.joinOrder())));
            Map<String, WaitlistEntry> rest = new HashMap<>(entries.byDoctor());
            rest.remove(doctorId.toString());
            if (write(patientId, entries.version(), rest)) {
                return Optional.of(existing);
            }
        }
        throw busy();
    }

    @Override
    public List<WaitlistEntry> ofPatient(AccountId patientId, Instant now) {
        return read(patientId).byDoctor().values().stream().filter(e -> e.to().isAfter(now))
                .sorted(Comparator.comparing(WaitlistEntry::joinOrder)).toList();
    }

    @Override
    public List<WaitlistEntry> waitingFor(AccountId doctorId, Instant start, int limit) {
        List<WaitlistEntry> found = new ArrayList<>();
        int read = 0;
        for (QueryResponse page : table.pages(b -> b
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(WaitlistKeys.waitlist(doctorId.toString()))))
                .consistentRead(true)
                .limit(200))) {
            for (Map<String, AttributeValue> item : page.items()) {
                read++;
                WaitlistEntry entry = entry(item);
                if (entry.wants(start)) {
                    found.add(entry);
                    if (found.size() == limit) {
                        return found;
                    }
                }
            }
            if (read >= MAX_READ) {
                break;
            }
        }
        return found;
    }

    private Entries read(AccountId patientId) {
        return table.item(WaitlistKeys.waiterEntries(patientId.toString())).map(item -> {
            Map<String, WaitlistEntry> entries = new HashMap<>();
            AttributeValue stored = item.get("entries");
            if (stored != null && stored.hasM()) {
                stored.m().forEach((doctor, e) -> entries.put(doctor, entry(e.m())));
            }
            return new Entries(Long.parseLong(item.get("version").n()), entries);
        }).orElse(new Entries(0, Map.of()));
    }

    private boolean write(AccountId patientId, long readVersion, Map<String, WaitlistEntry> entries) {
        Map<String, AttributeValue> encoded = new HashMap<>();
        entries.forEach((doctor, e) -> encoded.put(doctor, AttributeValue.fromM(attributes(e))));
        Map<String, AttributeValue> item = new HashMap<>(WaitlistKeys.waiterEntries(patientId.toString()));
        item.put("type", s("WAITER_ENTRIES"));
        item.put("entries", AttributeValue.fromM(encoded));
        return table.putOverVersion(item, readVersion);
    }

    private void putListing(WaitlistEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(WaitlistKeys.waitlistEntry(entry.doctorId().toString(), entry.joinOrder()));
        item.putAll(attributes(entry));
        item.put("type", s("WAITLIST_ENTRY"));
        item.put(TTL, epochSeconds(entry.to().plus(Duration.ofDays(1))));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    private static Map<String, AttributeValue> attributes(WaitlistEntry e) {
        return Map.of("entryId", s(e.id().toString()), "patientId", s(e.patientId().toString()),
                "doctorId", s(e.doctorId().toString()), "from", instant(e.from()), "to", instant(e.to()),
                "joinedAt", instant(e.joinedAt()));
    }

    private static WaitlistEntry entry(Map<String, AttributeValue> item) {
        return new WaitlistEntry(UUID.fromString(string(item, "entryId")), AccountId.of(string(item, "patientId")),
                AccountId.of(string(item, "doctorId")), instant(item, "from"), instant(item, "to"), instant(item, "joinedAt"));
    }

    private static DomainException busy() {
        return new DomainException(PlatformErrors.SERVICE_BUSY, "This waitlist is changing right now; try again.",
                Map.of("retryAfterSeconds", 1));
    }
}
