package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A doctor declines several waiting requests at once — typically the ones {@link HoldWarnings} flags —
 * each as an ordinary rejection with one neutral reason: the patient learns that the request was
 * declined and may choose another time, not that it was suspected. Sending the same list again changes
 * nothing more (requests already answered are left as they are).
 */
@Service
public class HoldRelease {

    public static final int MAX_IDS = 50;

    /** What the patient reads (in the app and in any notification): neutral, no suspicion voiced. */
    static final String NEUTRAL_REASON = "O médico não pôde atender esta solicitação. Por favor, escolha outro horário.";

    private final AppointmentStore appointments;
    private final AppointmentLifecycle lifecycle;
    private final Clock clock;

    HoldRelease(AppointmentStore appointments, AppointmentLifecycle lifecycle, Clock clock) {
        this.appointments = appointments;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * Rejects those of the doctor's appointments that are still waiting; returns every one as it is
     * now. {@code NOT_FOUND} (releasing nothing) if any id is not one of this doctor's appointments.
     */
    public List<Appointment> release(AccountId doctor, List<AppointmentId> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "ids", "give 1 to " + MAX_IDS + " appointment ids");
        }
        List<AppointmentId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<AppointmentId, Appointment> found = appointments.findAll(distinct);
        if (!distinct.stream().allMatch(id -> found.containsKey(id) && found.get(id).doctorId().equals(doctor))) {
            throw DomainException.notFound("Appointment");
        }
        List<Appointment> released = new ArrayList<>();
        for (AppointmentId id : distinct) {
            Instant now = clock.instant();
            Appointment current = found.get(id);
            released.add(current.statusAt(now) == AppointmentStatus.REQUESTED
                    ? rejectUnlessAnsweredMeanwhile(doctor, id)
                    : current.settledAt(now));
        }
        return released;
    }

    /** A request answered (or expired) since it was read stays as it is now. */
    private Appointment rejectUnlessAnsweredMeanwhile(AccountId doctor, AppointmentId id) {
        try {
            return lifecycle.reject(doctor, id, NEUTRAL_REASON);
        } catch (DomainException changed) {
            if (changed.code() != SchedulingErrors.INVALID_APPOINTMENT_STATE) {
                throw changed;
            }
            return lifecycle.visibleTo(doctor, id);
        }
    }
}
