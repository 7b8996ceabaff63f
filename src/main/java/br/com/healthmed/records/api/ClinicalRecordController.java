package br.com.healthmed.records.api;

import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventLogFeed;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ClinicalRecordFeed;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNotes;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.Icd10Code;
import br.com.healthmed.records.IssuedBy;
import br.com.healthmed.records.IssuedDocuments;
import br.com.healthmed.records.NewNote;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.Requester;
import br.com.healthmed.records.SharedRecord;
import br.com.healthmed.records.TimelineEntry;
import br.com.healthmed.records.TimelineKind;
import br.com.healthmed.records.Timelines;
import br.com.healthmed.scheduling.AppointmentId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The clinical record: notes ({@code writeConsultationNote}, {@code amendConsultationNote},
 * {@code consultationNote}), issued documents ({@code requestDocumentUpload}), the timelines of
 * {@code HealthRecord} and {@code SharedRecord}, and {@code clinicalRecordEvents}.
 */
@Controller
class ClinicalRecordController {

    /**
     * A note as one caller may see it. Its content is read when {@code versions} is selected: that is
     * the read the access log records, unless it was recorded already ({@code logged}).
     */
    record NoteView(ConsultationNote note, Requester viewer, Optional<Grant> under, boolean logged) {}

    /** A version's fields as the schema names them. */
    record VersionNode(int version, String reason, @Nullable String history, @Nullable String findings, String assessment,
                       List<Icd10Code> icd10, @Nullable String plan, @Nullable String amendReason, String authorName, String authorCrm, Instant writtenAt) {

        static VersionNode of(NoteVersion version) {
            return new VersionNode(version.version(), version.content().reason(), version.content().history().orElse(null),
                    version.content().findings().orElse(null), version.content().assessment(), version.content().diagnoses(),
                    version.content().plan().orElse(null), version.amendReason().orElse(null), version.authorName(),
                    version.authorCrm(), version.at());
        }
    }

    /** A timeline entry with, for a note, how its reader reads it. */
    record TimelineNode(TimelineKind kind, Instant at, @Nullable RecordFile file, @Nullable NoteView note) {}

    record EventNode(String id, ClinicalRecordEvent.Kind kind, AppointmentId appointmentId, @Nullable UUID noteId, @Nullable UUID documentId,
                     int version, Instant at) {

        /** {@code id} is the event's cursor in the patient's log, not its stable id: the same for a redelivery all the same. */
        static EventNode of(EventLogFeed.Delivery<ClinicalRecordEvent> delivery) {
            ClinicalRecordEvent event = delivery.event();
            boolean document = event.kind() == ClinicalRecordEvent.Kind.DOCUMENT_ISSUED;
            return new EventNode(delivery.id(), event.kind(), event.appointment(), document ? null : event.subject(),
                    document ? event.subject() : null, event.version(), event.at());
        }
    }

    private final ConsultationNotes notes;
    private final IssuedDocuments documents;
    private final Timelines timelines;
    private final ClinicalRecordFeed feed;
    private final Clock clock;

    ClinicalRecordController(ConsultationNotes notes, IssuedDocuments documents, Timelines timelines, ClinicalRecordFeed feed, Clock clock) {
        this.notes = notes;
        this.documents = documents;
        this.timelines = timelines;
        this.feed = feed;
        this.clock = clock;
    }

    @QueryMapping
    NoteView consultationNote(@Argument UUID id, @AuthenticationPrincipal Caller caller,
                              @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return readNote(notes, caller, address, new NoteId(id));
    }

    /** A note as {@code consultationNote(id:)} and {@code node(id:)} both read it: the read logged, its view marked so. */
    static NoteView readNote(ConsultationNotes notes, @Nullable Caller caller, ClientAddress address, NoteId id) {
        Requester who = Requesters.of(Caller.required(caller), address);
        ConsultationNotes.NoteRead read = notes.read(who, id);
        return new NoteView(read.note(), who, read.under(), true);
    }

    @MutationMapping
    NoteView writeConsultationNote(@Argument UUID appointmentId, @Argument @Valid ConsultationNoteInput input,
                                   @AuthenticationPrincipal Caller caller,
                                   @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        Requester who = Requesters.of(caller, address);
        return new NoteView(notes.write(who, doctor, new AppointmentId(appointmentId), input.toNewNote()), who, Optional.empty(), true);
    }

    @MutationMapping
    NoteView amendConsultationNote(@Argument UUID noteId, @Argument int baseVersion, @Argument @Size(max = 2000) String reason,
                                   @Argument @Valid ConsultationNoteInput input, @AuthenticationPrincipal Caller caller,
                                   @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        Requester who = Requesters.of(caller, address);
        return new NoteView(notes.amend(who, doctor, new NoteId(noteId), baseVersion, input.toNewNote(), reason), who,
                Optional.empty(), true);
    }

    @MutationMapping
    UploadController.FileUploadTicket requestDocumentUpload(@Argument UUID appointmentId,
                                                            @Argument @Valid RequestDocumentUploadInput input,
                                                            @AuthenticationPrincipal Caller caller) {
        return UploadController.FileUploadTicket.of(documents.request(AccountId.of(RoleGate.doctor(caller)), new AppointmentId(appointmentId),
                input.fileName(), input.contentType(), input.sizeBytes(), input.kind()));
    }

    @SchemaMapping(typeName = "HealthRecord")
    Connection<TimelineNode> timeline(HealthRecordController.MyRecord record, @Argument @Nullable TimelineKind kind,
                                      @Argument @Nullable UUID appointmentId, @Argument @Nullable Integer first, @Argument @Nullable String after,
                                      @AuthenticationPrincipal Caller caller,
                                      @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        Requester who = Requesters.of(caller, address);
        PageRequest<String> request = Pagination.forward(RecordLists.TIMELINE, first, after);
        Page<TimelineEntry> page = timelines.ofPatient(record.patient(), filter(kind, appointmentId), request.size(), request.from());
        return nodes(request, page, entry -> Optional.empty(), who);
    }

    @SchemaMapping(typeName = "SharedRecord")
    Connection<TimelineNode> timeline(SharedRecord shared, @Argument @Nullable TimelineKind kind, @Argument @Nullable UUID appointmentId,
                                      @Argument @Nullable Integer first, @Argument @Nullable String after, @AuthenticationPrincipal Caller caller,
                                      @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        Requester who = Requesters.of(caller, address);
        PageRequest<String> request = Pagination.forward(RecordLists.TIMELINE, first, after);
        Page<TimelineEntry> page = timelines.asSharedWith(shared, doctor, filter(kind, appointmentId), request.size(), request.from());
        Instant now = clock.instant();
        return nodes(request, page, note -> note.doctor().equals(doctor) ? Optional.empty()
                : shared.grants().stream().filter(grant -> grant.lets(doctor, note, now)).max(Comparator.comparing(Grant::expiresAt)),
                who);
    }

    private static Connection<TimelineNode> nodes(PageRequest<String> request, Page<TimelineEntry> page,
                                                  java.util.function.Function<ConsultationNote, Optional<Grant>> under, Requester who) {
        return RecordLists.connection(request, RecordLists.TIMELINE, page, TimelineEntry::position).map(entry -> entry instanceof TimelineEntry.NoteEntry noteEntry
                ? new TimelineNode(entry.kind(), entry.at(), null, new NoteView(noteEntry.note(), who, under.apply(noteEntry.note()), false))
                : new TimelineNode(entry.kind(), entry.at(), ((TimelineEntry.FileEntry) entry).file(), null));
    }

    private static Timelines.Filter filter(@Nullable TimelineKind kind, @Nullable UUID appointmentId) {
        return new Timelines.Filter(Optional.ofNullable(kind), Optional.ofNullable(appointmentId).map(AppointmentId::new));
    }

    // --- ConsultationNote --------------------------------------------------------------------------

    @SchemaMapping(typeName = "ConsultationNote")
    NoteId id(NoteView view) {
        return view.note().id();
    }

    @SchemaMapping(typeName = "ConsultationNote")
    AppointmentId appointmentId(NoteView view) {
        return view.note().appointment();
    }

    @SchemaMapping(typeName = "ConsultationNote")
    AccountId doctorId(NoteView view) {
        return view.note().doctor();
    }

    @SchemaMapping(typeName = "ConsultationNote")
    Instant consultationStart(NoteView view) {
        return view.note().appointmentStart();
    }

    @SchemaMapping(typeName = "ConsultationNote")
    Instant createdAt(NoteView view) {
        return view.note().createdAt();
    }

    @SchemaMapping(typeName = "ConsultationNote")
    int currentVersion(NoteView view) {
        return view.note().latest().version();
    }

    /** Reading the content: logged for the patient, unless this response's operation logged it already. */
    @SchemaMapping(typeName = "ConsultationNote")
    List<VersionNode> versions(NoteView view) {
        if (!view.logged()) {
            notes.logged(view.viewer(), view.note(), view.under());
        }
        List<VersionNode> newestFirst = new java.util.ArrayList<>(view.note().versions().stream().map(VersionNode::of).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    // --- issued documents and events -----------------------------------------------------------------

    @SchemaMapping(typeName = "DocumentIssue")
    AccountId doctorId(IssuedBy issued) {
        return issued.doctor();
    }

    @SchemaMapping(typeName = "DocumentIssue")
    AppointmentId appointmentId(IssuedBy issued) {
        return issued.appointment();
    }

    @QueryMapping
    String clinicalRecordEventsCursor(@AuthenticationPrincipal Caller caller) {
        return feed.cursor(AccountId.of(RoleGate.patient(caller)));
    }

    /** The patient's own log only: another's events are never read, let alone filtered out. */
    @SubscriptionMapping
    Flux<EventNode> clinicalRecordEvents(@AuthenticationPrincipal Caller caller, @Argument @Nullable String after) {
        AccountId patient = AccountId.of(RoleGate.patient(caller));
        return feed.follow(patient, Optional.ofNullable(after)).map(EventNode::of);
    }
}
