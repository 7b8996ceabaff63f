package br.com.healthmed.records.api;

import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecords;
import br.com.healthmed.records.NewShare;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.SharedRecord;
import br.com.healthmed.records.Sharing;
import br.com.healthmed.scheduling.AppointmentId;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Shares: {@code shareRecord}, {@code revokeShare}, {@code myShares} and the doctors' {@code sharedRecords} / {@code sharedWithMe}. */
@Controller
class ShareController {

    record ReceivedShare(GrantId id, boolean allFiles, boolean allNotes, List<AppointmentId> appointmentIds, List<String> groupNames,
                         Optional<String> note, Instant expiresAt) {}

    private final Sharing sharing;
    private final HealthRecords records;
    private final AccountDirectory accounts;
    private final Clock clock;

    ShareController(Sharing sharing, HealthRecords records, AccountDirectory accounts, Clock clock) {
        this.sharing = sharing;
        this.records = records;
        this.accounts = accounts;
        this.clock = clock;
    }

    @MutationMapping
    Grant shareRecord(@Argument @Valid ShareRecordInput input, @AuthenticationPrincipal Caller caller,
                      @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        AccountId.of(RoleGate.patient(caller));
        NewShare share = new NewShare(new AccountId(input.doctorId()),
                input.fileIds() == null ? List.of() : input.fileIds().stream().map(FileId::new).toList(),
                input.groupIds() == null ? List.of() : input.groupIds().stream().map(GroupId::new).toList(),
                Boolean.TRUE.equals(input.allFiles()),
                Optional.ofNullable(input.expiresAt()).map(java.time.OffsetDateTime::toInstant),
                Optional.ofNullable(input.durationHours()),
                Optional.ofNullable(input.note()),
                Boolean.TRUE.equals(input.allNotes()),
                input.appointmentIds() == null ? List.of() : input.appointmentIds().stream().map(AppointmentId::new).toList());
        return sharing.share(Requesters.of(caller, address), share, Optional.ofNullable(input.idempotencyKey()));
    }

    @MutationMapping
    Grant revokeShare(@Argument UUID shareId, @AuthenticationPrincipal Caller caller,
                      @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return sharing.revoke(Requesters.of(caller, address), new GrantId(shareId));
    }

    @QueryMapping
    List<Grant> myShares(@Argument @Nullable Boolean active, @AuthenticationPrincipal Caller caller) {
        return sharing.sharesOf(AccountId.of(RoleGate.patient(caller)), Optional.ofNullable(active));
    }

    /** The list of before, now bounded: the first page (by default 100 patients) of {@link #sharedRecords}. */
    @QueryMapping
    List<SharedRecord> sharedWithMe(@Argument @Nullable Integer first, @Argument @Nullable String after, @AuthenticationPrincipal Caller caller) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        PageRequest<UUID> request = new PageRequest<>(PageRequest.Direction.FORWARD, Pagination.size(first, Pagination.MAX_SIZE, "first"),
                Optional.ofNullable(after).map(cursor -> RecordLists.SHARED_RECORDS.decode(cursor, "after")));
        return page(doctor, request).items();
    }

    @QueryMapping
    Connection<SharedRecord> sharedRecords(@Argument @Nullable Integer first, @Argument @Nullable String after, @AuthenticationPrincipal Caller caller) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        PageRequest<UUID> request = Pagination.forward(RecordLists.SHARED_RECORDS, first, after);
        return RecordLists.connection(request, RecordLists.SHARED_RECORDS, page(doctor, request), shared -> shared.patient().value(),
                UUID::fromString);
    }

    private Page<SharedRecord> page(AccountId doctor, PageRequest<UUID> request) {
        return sharing.sharedWith(doctor, request.size(), request.from().map(AccountId::new));
    }

    // --- RecordShare (the patient's view of a grant) ---------------------------------------------

    @SchemaMapping(typeName = "RecordShare")
    boolean allFiles(Grant grant) {
        return grant.scope().allFiles();
    }

    @SchemaMapping(typeName = "RecordShare")
    boolean allNotes(Grant grant) {
        return grant.scope().allNotes();
    }

    @SchemaMapping(typeName = "RecordShare")
    List<AppointmentId> appointmentIds(Grant grant) {
        return sorted(grant.scope().appointments());
    }

    private static List<AppointmentId> sorted(java.util.Set<AppointmentId> appointments) {
        return appointments.stream().sorted(Comparator.comparing(AppointmentId::toString)).toList();
    }

    @SchemaMapping(typeName = "RecordShare")
    @Nullable String note(Grant grant) {
        return grant.note().orElse(null);
    }

    @SchemaMapping(typeName = "RecordShare")
    @Nullable Instant revokedAt(Grant grant) {
        return grant.revokedAt().orElse(null);
    }

    @SchemaMapping(typeName = "RecordShare")
    boolean active(Grant grant) {
        return grant.activeAt(clock.instant());
    }

    @BatchMapping(typeName = "RecordShare")
    Map<Grant, AccountSummary> doctor(List<Grant> grants) {
        Map<AccountId, AccountSummary> doctors = accounts.findAll(grants.stream().map(Grant::doctor).collect(Collectors.toSet()));
        return grants.stream().distinct().filter(grant -> doctors.containsKey(grant.doctor()))
                .collect(Collectors.toMap(Function.identity(), grant -> doctors.get(grant.doctor())));
    }

    /** The files shared one by one that are still in the record; one listing per patient. */
    @BatchMapping(typeName = "RecordShare")
    Map<Grant, List<RecordFile>> files(List<Grant> grants) {
        Map<AccountId, Map<FileId, RecordFile>> byPatient = new HashMap<>();
        grants.stream().map(Grant::patient).distinct().forEach(patient -> byPatient.put(patient, records.filesById(patient)));
        return grants.stream().distinct().collect(Collectors.toMap(Function.identity(), grant -> grant.scope().files().stream()
                .map(byPatient.get(grant.patient())::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(RecordFile::fileName)).toList()));
    }

    @BatchMapping(typeName = "RecordShare")
    Map<Grant, List<RecordGroup>> groups(List<Grant> grants) {
        Map<AccountId, Map<GroupId, RecordGroup>> byPatient = new HashMap<>();
        grants.stream().map(Grant::patient).distinct().forEach(patient -> byPatient.put(patient,
                records.groups(patient).stream().collect(Collectors.toMap(RecordGroup::id, Function.identity()))));
        return grants.stream().distinct().collect(Collectors.toMap(Function.identity(), grant -> grant.scope().groups().stream()
                .map(byPatient.get(grant.patient())::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(RecordGroup::name)).toList()));
    }

    // --- SharedRecord (the doctor's view) ----------------------------------------------------------

    @BatchMapping(typeName = "SharedRecord")
    Map<SharedRecord, AccountSummary> patient(List<SharedRecord> shared) {
        Map<AccountId, AccountSummary> patients = accounts.findAll(shared.stream().map(SharedRecord::patient).collect(Collectors.toSet()));
        return shared.stream().distinct().filter(record -> patients.containsKey(record.patient()))
                .collect(Collectors.toMap(Function.identity(), record -> patients.get(record.patient())));
    }

    @SchemaMapping(typeName = "SharedRecord")
    List<ReceivedShare> shares(SharedRecord shared) {
        return shared.grants().stream().map(grant -> new ReceivedShare(grant.id(), grant.scope().allFiles(),
                        grant.scope().allNotes(), sorted(grant.scope().appointments()),
                        grant.scope().groups().stream().map(shared.groupNames()::get).filter(Objects::nonNull).sorted().toList(),
                        grant.note(), grant.expiresAt()))
                .toList();
    }

    @SchemaMapping(typeName = "SharedRecord")
    Instant accessUntil(SharedRecord shared) {
        return shared.grants().stream().map(Grant::expiresAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    @SchemaMapping(typeName = "ReceivedShare")
    @Nullable String note(ReceivedShare share) {
        return share.note().orElse(null);
    }
}
