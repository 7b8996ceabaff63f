package br.com.healthmed.records.api;

import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.security.CallerAuthentication;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore.FileFilter;
import br.com.healthmed.records.HealthRecords;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.RecordsProperties;
import br.com.healthmed.records.ScanStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
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

/** {@code myRecord}, the fields of {@code HealthRecord} and {@code RecordFile}, and the file and group mutations. */
@Controller
class HealthRecordController {

    /** The record being read: whose it is, established once by {@code myRecord}. */
    record MyRecord(AccountId patient) {}

    private final HealthRecords records;
    private final RecordsProperties properties;

    HealthRecordController(HealthRecords records, RecordsProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @QueryMapping
    MyRecord myRecord(@AuthenticationPrincipal Caller caller) {
        return new MyRecord(AccountId.of(RoleGate.patient(caller)));
    }

    @SchemaMapping(typeName = "HealthRecord")
    Connection<RecordFile> files(MyRecord record, @Argument @Nullable FileCategory category, @Argument @Nullable UUID groupId,
                                 @Argument @Nullable Integer first, @Argument @Nullable String after) {
        FileFilter filter = new FileFilter(Optional.ofNullable(category), Optional.ofNullable(groupId).map(GroupId::new));
        PageRequest<String> request = Pagination.forward(RecordLists.FILES, first, after);
        return RecordLists.connection(request, RecordLists.FILES, records.files(record.patient(), filter, request.size(), request.from()),
                file -> TimePositions.of(file.availableAt().orElseThrow(), file.id().value()));
    }

    @SchemaMapping(typeName = "HealthRecord")
    List<RecordGroup> groups(MyRecord record) {
        return records.groups(record.patient());
    }

    @SchemaMapping(typeName = "HealthRecord")
    long usedBytes(MyRecord record) {
        return records.usedBytes(record.patient());
    }

    @SchemaMapping(typeName = "HealthRecord")
    long reservedBytes(MyRecord record) {
        return records.reservedBytes(record.patient());
    }

    @SchemaMapping(typeName = "HealthRecord")
    long quotaBytes(MyRecord record) {
        return properties.quotaPerPatient().toBytes();
    }

    @SchemaMapping(typeName = "RecordFile")
    Instant uploadedAt(RecordFile file) {
        return file.availableAt().orElse(file.requestedAt());
    }

    /** Whoever may see a file may see its scan status: a doctor learns why a shared file does not open. */
    @BatchMapping(typeName = "RecordFile", field = "scanStatus")
    Map<RecordFile, ScanStatus> scanStatus(List<RecordFile> files) {
        return records.scanStatuses(files);
    }

    /** The owner's groups of each file, one read per owner; for anyone else absent (null), not empty. */
    @BatchMapping(typeName = "RecordFile", field = "groups")
    Map<RecordFile, List<RecordGroup>> fileGroups(List<RecordFile> files, Principal principal) {
        String caller = principal instanceof CallerAuthentication known ? known.getPrincipal().accountId() : null;
        Map<AccountId, Map<GroupId, RecordGroup>> groupsByOwner = new HashMap<>();
        files.stream().map(RecordFile::owner).distinct().filter(owner -> owner.toString().equals(caller))
                .forEach(owner -> groupsByOwner.put(owner, records.groups(owner).stream()
                        .collect(Collectors.toMap(RecordGroup::id, Function.identity()))));
        Map<RecordFile, List<RecordGroup>> result = new HashMap<>();
        for (RecordFile file : files) {
            Map<GroupId, RecordGroup> groups = groupsByOwner.get(file.owner());
            if (groups == null) {
                continue; // not the caller's file
            }
            result.put(file, file.groups().stream().map(groups::get).filter(Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(RecordGroup::name)).toList());
        }
        return result;
    }

    @MutationMapping
    RecordFile renameFile(@Argument UUID fileId, @Argument @Size(max = 1000) String fileName,
                          @AuthenticationPrincipal Caller caller, @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return records.renameFile(Requesters.of(caller, address), new FileId(fileId), fileName);
    }

    @MutationMapping
    boolean deleteFile(@Argument UUID fileId, @AuthenticationPrincipal Caller caller,
                       @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        records.deleteFile(Requesters.of(caller, address), new FileId(fileId));
        return true;
    }

    @MutationMapping
    RecordGroup createRecordGroup(@Argument @Size(max = 1000) String name,
                                  @Argument @Pattern(regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE) @Nullable String idempotencyKey,
                                  @AuthenticationPrincipal Caller caller) {
        return records.createGroup(AccountId.of(RoleGate.patient(caller)), name, Optional.ofNullable(idempotencyKey));
    }

    @MutationMapping
    RecordGroup renameRecordGroup(@Argument UUID groupId, @Argument @Size(max = 1000) String name,
                                  @AuthenticationPrincipal Caller caller, @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return records.renameGroup(Requesters.of(caller, address), new GroupId(groupId), name);
    }

    @MutationMapping
    boolean deleteRecordGroup(@Argument UUID groupId, @AuthenticationPrincipal Caller caller,
                              @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        records.deleteGroup(Requesters.of(caller, address), new GroupId(groupId));
        return true;
    }

    @MutationMapping
    RecordGroup addFilesToGroup(@Argument UUID groupId, @Argument @Size(max = 100) List<UUID> fileIds,
                                @AuthenticationPrincipal Caller caller, @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return records.addFiles(Requesters.of(caller, address), new GroupId(groupId), fileIds.stream().map(FileId::new).toList());
    }

    @MutationMapping
    RecordGroup removeFilesFromGroup(@Argument UUID groupId, @Argument @Size(max = 100) List<UUID> fileIds,
                                     @AuthenticationPrincipal Caller caller, @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return records.removeFiles(Requesters.of(caller, address), new GroupId(groupId), fileIds.stream().map(FileId::new).toList());
    }
}
