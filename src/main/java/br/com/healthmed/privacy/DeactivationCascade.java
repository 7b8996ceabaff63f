package br.com.healthmed.privacy;

import br.com.healthmed.directory.DirectoryWithdrawal;
import br.com.healthmed.identity.SessionEnded;
import br.com.healthmed.identity.SessionTermination;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.RecordPortability;
import br.com.healthmed.records.Requester;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a deactivation ends, each step idempotent, through each module's ordinary path: every session
 * (at once, on every instance); a doctor's listing and free slots (first, so nothing new is booked);
 * every upcoming appointment, cancelled (or, a doctor's unanswered requests, rejected) so the other
 * party gets the usual e-mail; the free slots that freed again; a patient's shares. Then the state is
 * marked done and the outcome recorded. The sweep runs it again for a deactivation that died half-way.
 */
@Component
class DeactivationCascade {

    /** What the other participant reads as the reason (the owner's own reason stays private). */
    static final String REASON = "A conta foi inativada pelo titular; a consulta foi cancelada.";

    private final SessionTermination sessions;
    private final DirectoryWithdrawal directory;
    private final Agenda agenda;
    private final AppointmentLifecycle appointments;
    private final RecordPortability records;
    private final DeactivationStore store;
    private final Clock clock;

    DeactivationCascade(SessionTermination sessions, DirectoryWithdrawal directory, Agenda agenda, AppointmentLifecycle appointments,
                        RecordPortability records, DeactivationStore store, Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.agenda = agenda;
        this.appointments = appointments;
        this.records = records;
        this.store = store;
        this.clock = clock;
    }

    /** Runs every step for a DEACTIVATED state, then marks it done; returns the state as stored after. */
    AccountState run(AccountState state, String clientAddress) {
        Map<String, String> outcome = new LinkedHashMap<>();
        sessions.revokeAll(state.account(), SessionEnded.Reason.ACCOUNT_DEACTIVATED);
        outcome.put("sessionsRevoked", "all");
        int slots = 0;
        if (state.role() == Role.DOCTOR) {
            directory.withdraw(state.account());
            outcome.put("listedInSearch", "false");
            slots += agenda.removeFreeSlots(state.account());
        }
        outcome.put("appointmentsCancelled", Integer.toString(appointments.endUpcoming(state.account(), state.role(), REASON).size()));
        if (state.role() == Role.DOCTOR) {
            slots += agenda.removeFreeSlots(state.account()); // the ones the cancellations freed
            outcome.put("freeSlotsRemoved", Integer.toString(slots));
        } else {
            Requester owner = new Requester(Optional.of(state.account()), Optional.of(Role.PATIENT), clientAddress);
            outcome.put("sharesRevoked", Integer.toString(records.revokeAllShares(owner)));
        }
        AccountState done = state.cascaded();
        if (!store.save(done, state.version())) {
            return store.state(state.account()).orElse(done); // reactivated meanwhile, or finished by another run
        }
        store.append(new DeactivationRecord(state.requestId().orElseThrow(), DeactivationRecord.Step.CASCADE_DONE, state.account(),
                state.role(), clock.instant(), Optional.empty(), Optional.empty(), outcome));
        return Deactivations.withVersion(done, state.version() + 1);
    }
}
