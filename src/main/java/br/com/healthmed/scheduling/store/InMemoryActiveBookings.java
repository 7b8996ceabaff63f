package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each patient's reservations in memory; one patient's reservations change one at a time. */
class InMemoryActiveBookings implements ActiveBookings {

    private final Map<AccountId, Map<AppointmentId, Reservation>> byPatient = new ConcurrentHashMap<>();

    @Override
    public Outcome reserve(AccountId patientId, Reservation reservation, int maxActive, Instant now) {
        Map<AppointmentId, Reservation> reservations = byPatient.computeIfAbsent(patientId, p -> new LinkedHashMap<>());
        synchronized (reservations) {
            reservations.values().removeIf(r -> !r.start().isAfter(now));
            Outcome outcome = Reservations.check(reservations.values(), reservation, maxActive);
            if (outcome.result() == Result.RESERVED) {
                reservations.putIfAbsent(reservation.appointmentId(), reservation);
            }
            return outcome;
        }
    }

    @Override
    public void release(AccountId patientId, AppointmentId appointmentId) {
        Map<AppointmentId, Reservation> reservations = byPatient.get(patientId);
        if (reservations != null) {
            synchronized (reservations) {
                reservations.remove(appointmentId);
            }
        }
    }
}
