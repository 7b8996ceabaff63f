package br.com.healthmed.scheduling;

import br.com.healthmed.platform.metrics.BusinessMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Offers freed slots to the doctor's waitlist, first come first served. A slot frees when its
 * appointment is cancelled, rejected or expires, when an appointment moves away from it, when an
 * offer lapses or is declined (each learnt as an appointment event: durable, at least once), and when
 * the doctor publishes it ({@link PublishedSlotOffers}: a stored marker, durable too). The first waiter
 * by join time whose period contains the slot, who was not offered it before and whose limits allow one
 * more appointment, gets it:
 * <ol>
 *   <li>their place is reserved ({@link ActiveBookings}, the anti-hoarding limits);</li>
 *   <li>the slot is claimed for the offer (the commit point: one conditional write, so one offer per
 *       slot at a time, whichever instances race, and nobody else can book it while it is open);</li>
 *   <li>the offer is stored as an {@code OFFERED} appointment whose {@code answerBy} is the end of the
 *       offer, and announced: the waiter gets a {@link AppointmentEventKind#WAITLIST_OFFER} event and an e-mail.</li>
 * </ol>
 * The offer's id is derived from the entry and the slot, so two instances offering the same slot to
 * the same waiter make one offer; a waiter is offered one slot once. An offer nobody takes expires by
 * time like a request ({@link Appointment#statusAt}), its slot is free again, and the next waiter gets it.
 * An offer whose instance died between its claim and its store is made again to the next waiter once the
 * claim's grace is over: the event that freed the slot is delivered again until then.
 */
@Component
public class WaitlistOffers implements AppointmentEventListener {

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);
    /** Waiters read per freed slot: those already offered it or at their limits are skipped on the way. */
    private static final int CANDIDATES = 50;
    static final String OFFER_KEY = "waitlist offer";
    /** How long a claim not yet stored is given to be stored (a DynamoDB write or two) before the event is redelivered. */
    private static final Duration IN_DOUBT_PATIENCE = Duration.ofMillis(300);

    private final SlotStore slots;
    private final AppointmentStore appointments;
    private final ActiveBookings activeBookings;
    private final WaitlistStore waitlist;
    private final Holds holds;
    private final Practices practices;
    private final DoctorBookingRules rules;
    /** Looked up when needed: the relay calls this listener (a constructor cycle otherwise). */
    private final ObjectProvider<EventRelay> relay;
    /** Looked up when needed: booking passes lapsed offers on through this class. */
    private final ObjectProvider<Booking> booking;
    private final TakenSlots takenSlots;
    private final WaitlistProperties waitlistProperties;
    private final BusinessMetrics metrics;
    private final Clock clock;

    WaitlistOffers(SlotStore slots, AppointmentStore appointments, ActiveBookings activeBookings, WaitlistStore waitlist,
                   Holds holds, Practices practices, DoctorBookingRules rules, ObjectProvider<EventRelay> relay, ObjectProvider<Booking> booking, TakenSlots takenSlots,
                   WaitlistProperties waitlistProperties, BusinessMetrics metrics, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.activeBookings = activeBookings;
        this.waitlist = waitlist;
        this.holds = holds;
        this.practices = practices;
        this.rules = rules;
        this.relay = relay;
        this.booking = booking;
        this.takenSlots = takenSlots;
        this.waitlistProperties = waitlistProperties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "waitlist";
    }

    /** A change that freed a slot offers it; every other event is no concern of the waitlist. */
    @Override
    public void on(AppointmentEvent event) {
        Optional<SlotId> freed = switch (event.kind()) {
            case CANCELLED_BY_PATIENT, CANCELLED_BY_DOCTOR, REJECTED, EXPIRED, OFFER_EXPIRED, OFFER_DECLINED ->
                    appointments.find(event.appointmentId()).map(Appointment::slotId);
            case RESCHEDULED -> appointments.find(event.appointmentId())
                    .map(a -> a.history().get(event.indexInAppointment()))
                    .flatMap(Appointment.Transition::move).map(Appointment.Move::fromSlot);
            default -> Optional.empty();
        };
        freed.ifPresent(this::offerOrRetryLater);
    }

    /**
     * Offers the slot ({@link #offer}), and throws when it is left held by an offer's claim not stored:
     * that offer's instance may have died between the two writes, and then nobody would offer the slot
     * again. The caller's durable retry (the relay's redelivery of the event that freed the slot, the
     * sweep's redo of a publication's marker) tries again later; once the claim's grace is over, the slot
     * goes to the next waiter.
     */
    void offerOrRetryLater(SlotId slot) {
        if (offer(slot).isEmpty() && stillInDoubt(slot)) {
            throw new IllegalStateException("the offer of slot " + slot + " is claimed but not stored yet; retried later");
        }
    }

    /**
     * Whether the slot stays held by an offer's claim not stored, after waiting a moment: usually the
     * claim is a live offer (another instance's, or a booking passing a lapsed slot on) a write away from
     * being stored, and redelivering the event for it would only be noise, late.
     */
    private boolean stillInDoubt(SlotId slotId) {
        long deadline = System.nanoTime() + IN_DOUBT_PATIENCE.toNanos();
        while (offerInDoubt(slotId)) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return false;
    }

    /** Whether the slot is held by an offer's claim, not (yet) stored, within the claim's grace. */
    private boolean offerInDoubt(SlotId slotId) {
        Optional<Slot> slot = slots.find(slotId);
        Optional<Slot.Hold> hold = slot.flatMap(Slot::hold).filter(h -> h.idempotencyKey().equals(OFFER_KEY));
        return hold.isPresent() && appointments.find(hold.get().appointmentId()).isEmpty()
                && holds.stands(slot.get(), hold.get(), Optional.empty(), clock.instant());
    }

    /**
     * Offers the slot to the first waiter who may have it, if it is free, bookable under the doctor's
     * rules and someone waits for it. Returns the offer made now or by a concurrent call; empty when
     * none (the slot is held, or nobody waits).
     */
    public Optional<Appointment> offer(SlotId slotId) {
        Optional<Slot> found = slots.find(slotId);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().start().isAfter(now)) {
            return Optional.empty();
        }
        Slot slot = found.get();
        if (!DoctorBookingRules.allows(rules.of(slot.doctorId()), slot.start(), now)) {
            return Optional.empty();
        }
        // the waiters first: with nobody waiting, an offer attempt writes nothing (judging the slot's
        // holder may store a lapsed holder's expiry)
        List<WaitlistEntry> waiters = waitlist.waitingFor(slot.doctorId(), slot.start(), CANDIDATES);
        if (waiters.isEmpty()) {
            return Optional.empty();
        }
        Holds.Replaceable replaceable = holds.replaceable(slot);
        if (replaceable.live()) {
            return Optional.empty();
        }
        Instant until = now.plus(waitlistProperties.offerTime());
        if (until.isAfter(slot.start())) {
            until = slot.start();
        }
        Map<AppointmentId, Appointment> offeredBefore = appointments.findAll(waiters.stream().map(w -> w.offerOf(slotId)).toList());
        Optional<Slot.Hold> replacing = replaceable.staleHold();
        for (WaitlistEntry waiter : waiters) {
            AppointmentId offerId = waiter.offerOf(slotId);
            if (offeredBefore.containsKey(offerId)) {
                continue;
            }
            ActiveBookings.Result reserved = booking.getObject().reservePlace(waiter.patientId(),
                    new ActiveBookings.Reservation(offerId, slotId, slot.doctorId(), slot.start(), now), now);
            if (reserved != ActiveBookings.Result.RESERVED) {
                continue; // at their limits (e.g. already booked with this doctor): the next one
            }
            Optional<Slot> claimed = slots.claim(slotId, new Slot.Hold(offerId, waiter.patientId(), OFFER_KEY, now), replacing);
            if (claimed.flatMap(Slot::hold).filter(h -> h.appointmentId().equals(offerId)).isEmpty()) {
                activeBookings.release(waiter.patientId(), offerId);
                return Optional.empty(); // booked (or offered) by someone else meanwhile
            }
            takenSlots.taken(slotId, offerId);
            Optional<Appointment> made = store(Appointment.offered(offerId, slot, waiter.patientId(),
                    practices.of(slot.doctorId()).consultationPrice(), now, until));
            if (made.isPresent()) {
                return made;
            }
            // abandoned: an earlier attempt for this waiter died after its claim and the slot was taken
            // over; it is free for the next one
            slots.release(slotId, claimed.get().hold().orElseThrow());
            activeBookings.release(waiter.patientId(), offerId);
            replacing = Optional.empty(); // the slot is free now: the next waiter's claim replaces nothing
        }
        return Optional.empty();
    }

    private Optional<Appointment> store(Appointment offer) {
        relay.getObject().expect(Optional.empty(), offer);
        boolean created = appointments.create(offer);
        Optional<Appointment> stored = created ? Optional.of(offer) : appointments.find(offer.id());
        stored.ifPresent(o -> appointments.scheduleCheck(new AppointmentStore.DueCheck(o.id(), o.answerBy())));
        if (created) {
            relay.getObject().soon(Optional.empty(), offer);
            metrics.increment("healthmed.waitlist.offers");
            log.info("Slot {} offered to waitlist entry of appointment {} until {}", offer.slotId(), offer.id(), offer.answerBy());
        }
        return stored;
    }
}
