package br.com.healthmed.records;

import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Time-limited shares of a patient's record with doctors, and what a doctor can see through them. */
@Service
public class Sharing {

    static final int MAX_NOTE_LENGTH = 500;

    private final GrantStore grants;
    private final HealthRecordStore records;
    private final AccountDirectory accounts;
    private final FileGuard guard;
    private final AccessAudit audit;
    private final MalwareScans scans;
    private final RecordsProperties properties;
    private final AppointmentLifecycle appointmentsOf;
    private final Clock clock;

    Sharing(GrantStore grants, HealthRecordStore records, AccountDirectory accounts, FileGuard guard, AccessAudit audit,
            MalwareScans scans, RecordsProperties properties, AppointmentLifecycle appointmentsOf, Clock clock) {
        this.appointmentsOf = appointmentsOf;
        this.grants = grants;
        this.records = records;
        this.accounts = accounts;
        this.guard = guard;
        this.audit = audit;
        this.scans = scans;
        this.properties = properties;
        this.clock = clock;
    }

    public Grant share(Requester who, NewShare share) {
        return share(who, share, Optional.empty());
    }

    /**
     * Shares. With an idempotency key, the share's id is derived from the patient and the key: a retry with
     * the same input answers the share the first attempt made (as it is now: revoked, if it was since),
     * creating and logging nothing again; the same key with other input is {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public Grant share(Requester who, NewShare share, Optional<String> idempotencyKey) {
        AccountId patient = who.account().orElseThrow(() -> DomainException.notFound("Record"));
        Optional<GrantId> derived = idempotencyKey.map(key -> new GrantId(IdempotencyKeys.derivedId(patient, "share", key)));
        Optional<Grant> earlier = derived.flatMap(id -> grants.grant(patient, id));
        if (earlier.isPresent()) {
            return logged(who, sameShareAgain(earlier.get(), share));
        }
        // a record is shared from a verified address only: whoever shares can be reached about it
        accounts.requireVerifiedPatient(patient);
        if (!(accounts.find(share.doctor()).orElse(null) instanceof DoctorSummary)) {
            throw DomainException.notFound("Doctor");
        }
        // Files named one by one must be clean of malware. Groups and the whole record are shared as
        // they are: a file in them not (yet) clean is simply not served (FileDownloads).
        Set<FileId> files = new LinkedHashSet<>();
        share.files().stream().map(id -> guard.own(who, id)).forEach(file -> {
            scans.requireClean(file);
            files.add(file.id());
        });
        Set<GroupId> groups = new LinkedHashSet<>();
        share.groups().forEach(id -> groups.add(records.group(patient, id).orElseThrow(() -> DomainException.notFound("Group")).id()));
        Set<AppointmentId> appointments = new LinkedHashSet<>();
        share.appointments().forEach(id -> appointments.add(appointmentsOf.visibleTo(patient, id).id()));
        ShareScope scope = new ShareScope(share.allFiles(), files, groups, share.allNotes(), appointments);
        if (scope.isEmpty()) {
            throw DomainException.invalid(RecordsErrors.INVALID_SHARE, "input",
                    "Share at least one file, one group, allFiles, allNotes or one appointment.");
        }
        Instant now = audit.nextInstant(); // the share's entry is at its creation: in the log's order
        Grant grant = new Grant(derived.orElseGet(GrantId::random), patient, share.doctor(), scope, note(share.note()), now,
                expiry(share, now), Optional.empty());
        if (!grants.create(grant)) {
            // A twin of this request won the race, or this very put was written by an attempt whose answer was
            // lost (retried by the SDK): answer as it stands.
            return logged(who, sameShareAgain(grants.grant(patient, grant.id()).orElseThrow(Sharing::keyReused), share));
        }
        return logged(who, grant);
    }

    /**
     * Logs the share, on every path that answers it: a share must never exist without its entry, and whoever
     * made it (this request, a twin, an earlier attempt) may have stopped before logging. The entry's key is
     * derived from the share's, so it is written once ({@link AccessAudit#shared}).
     */
    private Grant logged(Requester who, Grant grant) {
        audit.shared(who, grant, ShareNames.of(grant.scope(), groupsOf(grant.patient())));
        return grant;
    }

    /** A retried share: the earlier attempt's grant, if it was asked for with the same input. */
    private Grant sameShareAgain(Grant earlier, NewShare share) {
        ShareScope asked = new ShareScope(share.allFiles(), Set.copyOf(share.files()), Set.copyOf(share.groups()),
                share.allNotes(), Set.copyOf(share.appointments()));
        boolean sameExpiry = share.expiresAt().map(earlier.expiresAt()::equals)
                .or(() -> share.durationHours().map(hours -> Duration.between(earlier.createdAt(), earlier.expiresAt())
                        .equals(Duration.ofHours(hours))))
                .orElse(false);
        if (!earlier.doctor().equals(share.doctor()) || !earlier.scope().equals(asked) || !sameExpiry
                || !earlier.note().equals(share.note().map(String::strip).filter(text -> !text.isEmpty()))) {
            throw keyReused();
        }
        return earlier;
    }

    private static DomainException keyReused() {
        return DomainException.invalid(PlatformErrors.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                "This idempotency key was already used for another share; use a new key for a new one.");
    }

    /** Ends a share at once: the doctor's very next request is refused. Revoking twice changes nothing. */
    public Grant revoke(Requester who, GrantId id) {
        AccountId patient = who.account().orElseThrow(() -> DomainException.notFound("Share"));
        Grant grant = grants.grant(patient, id).orElseThrow(() -> DomainException.notFound("Share"));
        if (grant.revokedAt().isEmpty()) {
            grants.revoke(patient, id, audit.nextInstant());
            grant = grants.grant(patient, id).orElseThrow(() -> DomainException.notFound("Share"));
        }
        // Logged on a retry too: the first attempt may have stopped between the revocation and its entry.
        audit.revoked(who, grant, ShareNames.of(grant.scope(), groupsOf(patient)));
        return grant;
    }

    /** The patient's shares, newest first; only the active (or only the ended) ones if asked. */
    public List<Grant> sharesOf(AccountId patient, Optional<Boolean> active) {
        Instant now = clock.instant();
        return grants.grantsOf(patient).stream()
                .filter(grant -> active.map(wanted -> grant.activeAt(now) == wanted).orElse(true))
                .toList();
    }

    /**
     * A page of the patients sharing with the doctor now, in the order of their ids, those after {@code after}
     * (a patient id, the cursor) and at most {@code first}; each with the files their active grants cover at this
     * moment. {@code next} is the last patient's id when another patient follows. The index lists the doctor's
     * candidate grants in one query (small items, no per-patient read); only the patients of the page, and the
     * one after it, are then read: their grants consistently, so that a share revoked a moment ago is not
     * shown while the index catches up, and for the page's patients their files and groups. So a page costs
     * at most {@code 3 × first + 1} patient reads, but every page reads all of the doctor's active grants
     * from the index (small items, one query and its pages): that part grows with the number of patients sharing.
     */
    public Page<SharedRecord> sharedWith(AccountId doctor, int first, Optional<AccountId> after) {
        Instant now = clock.instant();
        List<AccountId> candidates = grants.activeGrantsTo(doctor, now).stream().map(Grant::patient).distinct()
                .filter(patient -> after.map(cursor -> patient.toString().compareTo(cursor.toString()) > 0).orElse(true))
                .sorted(Comparator.comparing(AccountId::toString))
                .toList();
        List<SharedRecord> page = new ArrayList<>();
        for (AccountId patient : candidates) {
            List<Grant> active = grants.grantsBetween(patient, doctor).stream()
                    .filter(grant -> grant.activeAt(now))
                    .sorted(Comparator.comparing(Grant::expiresAt).reversed())
                    .toList();
            if (active.isEmpty()) {
                continue; // revoked since the index was written: it does not exist for the doctor
            }
            if (page.size() == first) {
                return new Page<>(page, Optional.of(page.get(page.size() - 1).patient().toString()));
            }
            List<RecordFile> files = records.allAvailableFiles(patient, HealthRecordStore.FileFilter.ALL).stream()
                    .filter(file -> active.stream().anyMatch(grant -> grant.lets(doctor, file, now)))
                    .toList();
            Map<GroupId, String> groupNames = groupsOf(patient).values().stream()
                    .collect(Collectors.toMap(RecordGroup::id, RecordGroup::name));
            page.add(new SharedRecord(patient, active, files, groupNames));
        }
        return new Page<>(page, Optional.empty());
    }

    Map<GroupId, RecordGroup> groupsOf(AccountId patient) {
        return records.groups(patient).stream().collect(Collectors.toMap(RecordGroup::id, Function.identity()));
    }

    private Instant expiry(NewShare share, Instant now) {
        if (share.expiresAt().isPresent() == share.durationHours().isPresent()) {
            throw DomainException.invalid(RecordsErrors.INVALID_SHARE, "input.expiresAt", "Give either expiresAt or durationHours.");
        }
        Instant expiresAt = share.expiresAt().orElseGet(() -> now.plus(Duration.ofHours(share.durationHours().orElseThrow())));
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(properties.maxShareDuration()))) {
            throw DomainException.invalid(RecordsErrors.INVALID_SHARE, share.expiresAt().isPresent() ? "input.expiresAt" : "input.durationHours",
                    "A share must end in the future and within " + properties.maxShareDuration().toDays() + " days.");
        }
        return expiresAt;
    }

    private static Optional<String> note(Optional<String> note) {
        Optional<String> cleaned = note.map(String::strip).filter(text -> !text.isEmpty());
        if (cleaned.filter(text -> text.length() > MAX_NOTE_LENGTH).isPresent()) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.note", "A note has at most " + MAX_NOTE_LENGTH + " characters.");
        }
        return cleaned;
    }
}
