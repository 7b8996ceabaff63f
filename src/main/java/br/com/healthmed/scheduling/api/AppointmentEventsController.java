package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventFeed;
import br.com.healthmed.scheduling.AppointmentEventKind;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The caller's appointment events, replayed from {@code after} and then live (see
 * {@link AppointmentEventFeed}). Each subscriber sees only events of appointments it takes part in:
 * it follows its own event log.
 */
@Controller
class AppointmentEventsController {

    private final AppointmentEventFeed feed;
    private final AppointmentLifecycle lifecycle;

    AppointmentEventsController(AppointmentEventFeed feed, AppointmentLifecycle lifecycle) {
        this.feed = feed;
        this.lifecycle = lifecycle;
    }

    /** An event as one subscriber receives it: the subscriber travels along to resolve the appointment as them. */
    record Delivered(String id, AppointmentEvent event, AccountId subscriber) {
        public AppointmentEventKind kind() {
            return event.kind();
        }

        public AppointmentId appointmentId() {
            return event.appointmentId();
        }

        public AppointmentStatus status() {
            return event.status();
        }

        public @Nullable String reason() {
            return event.reason().orElse(null);
        }

        public Instant start() {
            return event.start();
        }

        public Instant end() {
            return event.end();
        }

        public @Nullable Instant previousStart() {
            return event.previousStart().orElse(null);
        }

        public Instant at() {
            return event.at();
        }
    }

    @QueryMapping
    String appointmentEventsCursor(@AuthenticationPrincipal Caller caller) {
        return feed.cursor(AccountId.of(RoleGate.any(caller)));
    }

    @SubscriptionMapping
    Flux<Delivered> appointmentEvents(@AuthenticationPrincipal Caller caller, @Argument @Nullable String after) {
        AccountId subscriber = AccountId.of(RoleGate.any(caller));
        return feed.follow(subscriber, Optional.ofNullable(after)).map(delivery -> new Delivered(delivery.id(), delivery.event(), subscriber));
    }

    @SchemaMapping(typeName = "AppointmentEvent", field = "appointment")
    Appointment appointment(Delivered delivered) {
        return lifecycle.visibleTo(delivered.subscriber(), delivered.event().appointmentId());
    }
}
