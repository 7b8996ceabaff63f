package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.ActiveBookings.Outcome;
import br.com.healthmed.scheduling.ActiveBookings.Reservation;
import br.com.healthmed.scheduling.ActiveBookings.Result;
import java.util.Collection;
import java.util.List;

/** The anti-hoarding rule both adapters apply to a patient's live reservations. */
final class Reservations {

    private Reservations() {}

    /** RESERVED when {@code wanted} may join {@code live} (or is already among them, for the same slot). */
    static Outcome check(Collection<Reservation> live, Reservation wanted, int maxActive) {
        for (Reservation existing : live) {
            if (existing.appointmentId().equals(wanted.appointmentId())) {
                return existing.slotId().equals(wanted.slotId()) ? Outcome.RESERVED : new Outcome(Result.KEY_REUSED, List.of(existing));
            }
        }
        List<Reservation> sameDoctor = live.stream().filter(r -> r.doctorId().equals(wanted.doctorId())).toList();
        if (!sameDoctor.isEmpty()) {
            return new Outcome(Result.SAME_DOCTOR, sameDoctor);
        }
        if (live.size() >= maxActive) {
            return new Outcome(Result.LIMIT_REACHED, List.copyOf(live));
        }
        return Outcome.RESERVED;
    }
}
