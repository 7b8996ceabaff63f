package br.com.healthmed.records.api;

import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.AccessLogReader;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.ReadableEntry;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code recordAccessLog}: the patient's access log, newest first. */
@Controller
class AccessLogController {

    private final AccessLogReader log;

    AccessLogController(AccessLogReader log) {
        this.log = log;
    }

    /** Newest first; {@code last}/{@code before} reads back towards newer entries (who accessed it since). */
    @QueryMapping
    Connection<ReadableEntry> recordAccessLog(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                              @Argument @Nullable Integer last, @Argument @Nullable String before,
                                              @AuthenticationPrincipal Caller caller) {
        AccountId patient = AccountId.of(RoleGate.patient(caller));
        PageRequest<String> request = Pagination.of(RecordLists.ACCESS_LOG, first, after, last, before);
        Page<ReadableEntry> page = request.backward()
                ? log.newerEntries(patient, request.size(), request.from())
                : log.entries(patient, request.size(), request.from());
        return RecordLists.connection(request, RecordLists.ACCESS_LOG, page,
                readable -> TimePositions.of(readable.entry().at(), readable.entry().id()));
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    UUID id(ReadableEntry readable) {
        return readable.entry().id();
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    Instant at(ReadableEntry readable) {
        return readable.entry().at();
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    int count(ReadableEntry readable) {
        return readable.entry().count();
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    Instant lastAt(ReadableEntry readable) {
        return readable.entry().lastAt();
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    String action(ReadableEntry readable) {
        return readable.entry().action().name();
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable Role actorRole(ReadableEntry readable) {
        return readable.entry().actorRole().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable String actorName(ReadableEntry readable) {
        return readable.actorName().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable FileId fileId(ReadableEntry readable) {
        return readable.entry().file().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable String fileName(ReadableEntry readable) {
        return readable.entry().fileName().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable NoteId noteId(ReadableEntry readable) {
        return readable.entry().note().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    @Nullable GrantId shareId(ReadableEntry readable) {
        return readable.entry().grant().orElse(null);
    }

    @SchemaMapping(typeName = "AccessLogEntry")
    String clientAddress(ReadableEntry readable) {
        return readable.entry().clientAddress();
    }
}
