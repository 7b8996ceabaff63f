package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Live changes of the caller's appointments. Events come from the {@link EventBus}, so with
 * {@code healthmed.events=redis} a change made on any instance reaches subscribers on every instance.
 * Each subscriber sees only events of appointments it takes part in.
 */
@Controller
class AppointmentEventsController {

    private final EventBus events;
    private final AppointmentLifecycle lifecycle;

    AppointmentEventsController(EventBus events, AppointmentLifecycle lifecycle) {
        this.events = events;
        this.lifecycle = lifecycle;
    }

    /** An event as one subscriber receives it: the subscriber travels along to resolve the appointment as them. */
    record Delivered(AppointmentEvent event, AccountId subscriber) {
        public AppointmentId appointmentId() {
            return event.appointmentId();
        }

        public AppointmentStatus status() {
            return event.status();
        }

        public String reason() {
            return event.reason().orElse(null);
        }

        public java.time.Instant at() {
            return event.at();
        }
    }

    @SubscriptionMapping
    Flux<Delivered> appointmentEvents(@AuthenticationPrincipal Caller caller) {
        AccountId subscriber = Callers.any(caller);
        return events.subscribe(AppointmentEvent.TOPIC, AppointmentEvent.class)
                .filter(event -> event.concerns(subscriber))
                .map(event -> new Delivered(event, subscriber));
    }

    @SchemaMapping(typeName = "AppointmentEvent", field = "appointment")
    Appointment appointment(Delivered delivered) {
        return lifecycle.visibleTo(delivered.subscriber(), delivered.event().appointmentId());
    }
}
