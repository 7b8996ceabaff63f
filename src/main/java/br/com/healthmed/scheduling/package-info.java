/**
 * Scheduling: doctors' slots, appointments and their life cycle (request, accept, reject, cancel,
 * expire, complete, no-show), the guarantees that a slot never carries two active appointments and
 * that no patient hoards a doctor's agenda, live appointment events, and ratings of completed
 * consultations.
 *
 * <p>Commit points are single conditional writes: a booking claims the slot item, a transition
 * updates the appointment item only if its version is the one read. Everything written around a
 * commit point is ordered so that a crash leaves nothing wrong visible, and stale leftovers are
 * healed when next touched (see {@link br.com.healthmed.scheduling.Booking}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling", allowedDependencies = {"consent :: api", "directory :: api", "identity :: api", "platform", "telehealth :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.scheduling;
