package br.com.healthmed.scheduling.api;

import br.com.healthmed.consent.ConsentAcceptance;
import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.security.CallerAuthentication;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.platform.web.ClientDevice;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.AppointmentQueries;
import br.com.healthmed.scheduling.AppointmentStatus;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.Booking;
import br.com.healthmed.scheduling.HoldRelease;
import br.com.healthmed.scheduling.HoldWarning;
import br.com.healthmed.scheduling.HoldWarnings;
import br.com.healthmed.scheduling.OriginDigests;
import br.com.healthmed.scheduling.Rescheduling;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.telehealth.MeetingAttendance;
import br.com.healthmed.telehealth.MeetingParticipant;
import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

/** Booking and the life of an appointment; its participants and meeting are batched per response. */
@Controller
class AppointmentController {

    /** Default window of myAppointments: the last 90 days and the next year. */
    private static final Duration DEFAULT_PAST = Duration.ofDays(90);
    private static final Duration DEFAULT_FUTURE = Duration.ofDays(366);

    private final Booking booking;
    private final AppointmentLifecycle lifecycle;
    private final AppointmentQueries queries;
    private final AccountDirectory accounts;
    private final MeetingRooms meetingRooms;
    private final OriginDigests origins;
    private final HoldWarnings holdWarnings;
    private final HoldRelease holdRelease;
    private final TeleconsultationConsent consent;
    private final MeetingAttendance attendance;
    private final Rescheduling rescheduling;
    private final Clock clock;

    AppointmentController(Booking booking, AppointmentLifecycle lifecycle, AppointmentQueries queries,
                          AccountDirectory accounts, MeetingRooms meetingRooms, OriginDigests origins,
                          HoldWarnings holdWarnings, HoldRelease holdRelease, TeleconsultationConsent consent,
                          MeetingAttendance attendance, Rescheduling rescheduling, Clock clock) {
        this.attendance = attendance;
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.accounts = accounts;
        this.meetingRooms = meetingRooms;
        this.origins = origins;
        this.holdWarnings = holdWarnings;
        this.holdRelease = holdRelease;
        this.consent = consent;
        this.rescheduling = rescheduling;
        this.clock = clock;
    }

    @MutationMapping
    AppointmentChange bookAppointment(@Argument UUID slotId,
                                @Argument @Pattern(regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE)
                                String idempotencyKey,
                                @AuthenticationPrincipal Caller caller,
                                @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) ClientAddress address,
                                @ContextValue(name = ClientDevice.CONTEXT_KEY, required = false) ClientDevice device) {
        return AppointmentChange.on(booking.book(AccountId.of(RoleGate.patient(caller)), new SlotId(slotId), idempotencyKey,
                origins.of(address, device)));
    }

    @MutationMapping
    AppointmentChange rescheduleAppointment(@Argument UUID appointmentId, @Argument UUID slotId,
                                      @Argument @Pattern(regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE)
                                      String idempotencyKey,
                                      @AuthenticationPrincipal Caller caller) {
        return AppointmentChange.rescheduled(rescheduling.reschedule(AccountId.of(RoleGate.patient(caller)),
                new AppointmentId(appointmentId), new SlotId(slotId), idempotencyKey), idempotencyKey);
    }

    @MutationMapping
    AppointmentChange proposeNewTime(@Argument UUID appointmentId, @Argument UUID slotId, @AuthenticationPrincipal Caller caller) {
        SlotId proposed = new SlotId(slotId);
        return AppointmentChange.proposed(rescheduling.proposeNewTime(AccountId.of(RoleGate.doctor(caller)),
                new AppointmentId(appointmentId), proposed), proposed);
    }

    @MutationMapping
    AppointmentChange respondToProposedTime(@Argument UUID appointmentId, @Argument boolean accept, @Argument @Nullable String proposalId,
                                            @AuthenticationPrincipal Caller caller) {
        return AppointmentChange.answered(rescheduling.respondToProposal(AccountId.of(RoleGate.patient(caller)),
                new AppointmentId(appointmentId), accept, Optional.ofNullable(proposalId)), accept);
    }

    @MutationMapping
    Appointment acceptAppointment(@Argument UUID id, @AuthenticationPrincipal Caller caller) {
        return lifecycle.accept(AccountId.of(RoleGate.doctor(caller)), new AppointmentId(id));
    }

    @MutationMapping
    AppointmentChange rejectAppointment(@Argument UUID id, @Argument String reason, @AuthenticationPrincipal Caller caller) {
        return AppointmentChange.on(lifecycle.reject(AccountId.of(RoleGate.doctor(caller)), new AppointmentId(id), reason));
    }

    @MutationMapping
    AppointmentChange.Released releaseHolds(@Argument List<UUID> ids, @AuthenticationPrincipal Caller caller) {
        return new AppointmentChange.Released(holdRelease.release(AccountId.of(RoleGate.doctor(caller)),
                ids.stream().map(AppointmentId::new).toList()));
    }

    @MutationMapping
    AppointmentChange cancelAppointment(@Argument UUID id, @Argument String justification, @AuthenticationPrincipal Caller caller) {
        AccountId account = AccountId.of(RoleGate.any(caller));
        return AppointmentChange.on(lifecycle.cancel(account, caller.role(), new AppointmentId(id), justification));
    }

    @MutationMapping
    Appointment markNoShow(@Argument UUID id, @AuthenticationPrincipal Caller caller) {
        return lifecycle.markNoShow(AccountId.of(RoleGate.doctor(caller)), new AppointmentId(id));
    }

    @MutationMapping
    Appointment rateAppointment(@Argument UUID id, @Argument int stars, @Argument @Nullable String comment,
                                @AuthenticationPrincipal Caller caller) {
        return lifecycle.rate(AccountId.of(RoleGate.patient(caller)), new AppointmentId(id), stars, Optional.ofNullable(comment));
    }

    @QueryMapping
    Appointment appointment(@Argument UUID id, @AuthenticationPrincipal Caller caller) {
        return lifecycle.visibleTo(AccountId.of(RoleGate.any(caller)), new AppointmentId(id));
    }

    /** By start; {@code last}/{@code before} read back from the latest start (from upcoming into the past). */
    @QueryMapping
    Connection<Appointment> myAppointments(@Argument @Nullable AppointmentStatus status, @Argument @Nullable OffsetDateTime from,
                                           @Argument @Nullable OffsetDateTime to, @Argument @Nullable Integer first, @Argument @Nullable String after,
                                           @Argument @Nullable Integer last, @Argument @Nullable String before,
                                           @AuthenticationPrincipal Caller caller) {
        AccountId account = AccountId.of(RoleGate.any(caller));
        PageRequest<String> request = Pagination.of(SchedulingCursors.APPOINTMENTS, first, after, last, before);
        Instant now = clock.instant();
        AppointmentQueries.Page page = queries.of(account, caller.role(), Optional.ofNullable(status),
                from == null ? now.minus(DEFAULT_PAST) : from.toInstant(),
                to == null ? now.plus(DEFAULT_FUTURE) : to.toInstant(),
                request.size(), request.from(), request.backward() ? AppointmentStore.Direction.BACKWARD : AppointmentStore.Direction.FORWARD);
        return Connection.of(request, SchedulingCursors.APPOINTMENTS, page.appointments(), page.cursors(), page.hasMore(), page.stoppedAt());
    }

    @BatchMapping(typeName = "Appointment", field = "doctor")
    Map<Appointment, AccountSummary> doctor(List<Appointment> appointments) {
        return participants(appointments, Appointment::doctorId);
    }

    @BatchMapping(typeName = "Appointment", field = "patient")
    Map<Appointment, AccountSummary> patient(List<Appointment> appointments) {
        return participants(appointments, Appointment::patientId);
    }

    /**
     * The meeting of confirmed appointments. {@code joinUrl} is the caller's own link, given only to
     * the two participants and only while the room is open (15 minutes before the start to the end),
     * and to the patient only after accepting the teleconsultation consent in force (read once per
     * request: the caller is one patient).
     */
    @BatchMapping(typeName = "Appointment", field = "meeting")
    Map<Appointment, Meeting> meeting(List<Appointment> appointments, Principal principal) {
        Optional<Caller> caller = principal instanceof CallerAuthentication auth ? Optional.of(auth.getPrincipal()) : Optional.empty();
        Instant now = clock.instant();
        Optional<AccountSummary> callerAccount = caller.flatMap(c -> appointments.stream().anyMatch(a -> a.room().isPresent()
                && a.room().get().isOpenAt(now)) ? accounts.find(AccountId.of(c.accountId())) : Optional.empty());
        // Read only when some room is open (callerAccount is empty otherwise) and the caller is a patient.
        boolean patientConsented = callerAccount.filter(account -> account.role() == Role.PATIENT)
                .map(account -> consent.currentAcceptance(account.id()).isPresent()).orElse(true);
        Map<Appointment, Meeting> meetings = new HashMap<>();
        for (Appointment appointment : appointments) {
            appointment.room().ifPresent(room -> {
                URI joinUrl = null;
                boolean consentMissing = false;
                if (room.isOpenAt(now) && appointment.statusAt(now) == AppointmentStatus.CONFIRMED && callerAccount.isPresent()) {
                    AccountId me = callerAccount.get().id();
                    boolean isDoctor = appointment.doctorId().equals(me);
                    if (!isDoctor && appointment.patientId().equals(me) && !patientConsented) {
                        consentMissing = true;
                    } else if (isDoctor || appointment.patientId().equals(me)) {
                        joinUrl = meetingRooms.joinUrl(room, new MeetingParticipant(me, callerAccount.get().name(), isDoctor));
                        // The consultation record keeps who obtained a link to the room, and when.
                        attendance.joinLinkIssued(room, me);
                    }
                }
                meetings.put(appointment, new Meeting(joinUrl, consentMissing, room.opensAt(), room.closesAt(), room,
                        appointment.doctorId(), appointment.patientId()));
            });
        }
        return meetings;
    }

    /** A room as its participants see it; {@code room} and the participants resolve its attendance. */
    record Meeting(@Nullable URI joinUrl, boolean consentMissing, Instant opensAt, Instant closesAt, MeetingRoom room,
                   AccountId doctorId, AccountId patientId) {}

    /** The link, or {@code CONSENT_REQUIRED} for a patient who would get one but has not accepted the consent in force. */
    @SchemaMapping(typeName = "Meeting", field = "joinUrl")
    @Nullable URI joinUrl(Meeting meeting) {
        if (meeting.consentMissing()) {
            throw consent.consentRequired();
        }
        return meeting.joinUrl();
    }

    /** The patient's acceptance of the consent in force, for the appointment's participants (batched: one read). */
    @BatchMapping(typeName = "Appointment", field = "patientConsent")
    Map<Appointment, ConsentAcceptance> patientConsent(List<Appointment> appointments) {
        Map<AccountId, ConsentAcceptance> byPatient = consent.currentAcceptances(
                appointments.stream().map(Appointment::patientId).collect(Collectors.toSet()));
        Map<Appointment, ConsentAcceptance> result = new HashMap<>();
        appointments.forEach(a -> {
            ConsentAcceptance acceptance = byPatient.get(a.patientId());
            if (acceptance != null) {
                result.put(a, acceptance);
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "Appointment", field = "lateCancellation")
    boolean lateCancellation(Appointment appointment) {
        return appointment.lateCancellation();
    }

    /** The doctor's open proposal: its slot and times are on the proposal's own history step (no read needed). */
    @SchemaMapping(typeName = "Appointment", field = "proposedTime")
    @Nullable ProposedTime proposedTime(Appointment appointment) {
        Optional<Appointment.PendingMove> pending = appointment.pendingMove().filter(Appointment.PendingMove::proposal)
                .filter(p -> clock.instant().isBefore(p.until()));
        if (pending.isEmpty()) {
            return null;
        }
        return appointment.toldOf(pending.get())
                .map(move -> new ProposedTime(Rescheduling.proposalId(pending.get()), move.toSlot().value(), move.toStart(),
                        move.toEnd(), pending.get().until()))
                .orElse(null); // noted, not yet told to the patient
    }

    /** {@code id}: names this proposal when the patient answers it (another proposal of the same slot has another). */
    record ProposedTime(String id, UUID slotId, Instant start, Instant end, Instant answerBy) {}

    @SchemaMapping(typeName = "AppointmentTransition", field = "previousStart")
    @Nullable Instant previousStart(Appointment.Transition step) {
        return step.move().map(Appointment.Move::fromStart).orElse(null);
    }

    @SchemaMapping(typeName = "AppointmentTransition", field = "newStart")
    @Nullable Instant newStart(Appointment.Transition step) {
        return step.move().map(Appointment.Move::toStart).orElse(null);
    }

    /** Only for the appointment's doctor and only while it waits: null for the patient and for answered appointments. */
    @BatchMapping(typeName = "Appointment", field = "holdWarnings")
    Map<Appointment, List<HoldWarning>> holdWarnings(List<Appointment> appointments, Principal principal) {
        if (!(principal instanceof CallerAuthentication auth) || auth.getPrincipal().role() != Role.DOCTOR) {
            return Map.of();
        }
        Map<AppointmentId, Set<HoldWarning>> warnings = holdWarnings.of(AccountId.of(auth.getPrincipal().accountId()), appointments);
        Map<Appointment, List<HoldWarning>> result = new HashMap<>();
        appointments.forEach(a -> {
            Set<HoldWarning> flags = warnings.get(a.id());
            if (flags != null) {
                result.put(a, flags.stream().sorted().toList());
            }
        });
        return result;
    }

    private Map<Appointment, AccountSummary> participants(List<Appointment> appointments,
                                                   java.util.function.Function<Appointment, AccountId> party) {
        Map<AccountId, AccountSummary> byId = accounts.findAll(appointments.stream().map(party).collect(Collectors.toSet()));
        Map<Appointment, AccountSummary> result = new HashMap<>();
        appointments.forEach(a -> {
            AccountSummary account = byId.get(party.apply(a));
            if (account != null) {
                result.put(a, account);
            }
        });
        return result;
    }
}
