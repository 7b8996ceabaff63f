package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.SlotId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** A doctor's availability: publishing and editing slots, and reading agendas. */
@Controller
class AgendaController {

    private final Agenda agenda;

    AgendaController(Agenda agenda) {
        this.agenda = agenda;
    }

    record NewSlotInput(@NotNull OffsetDateTime start, OffsetDateTime end) {}

    record WeeklyAvailabilityInput(@NotNull LocalDate from, @NotNull LocalDate to, @NotEmpty Set<DayOfWeek> days,
                                   @NotNull LocalTime startTime, @NotNull LocalTime endTime,
                                   @Min(0) @Max(240) Integer gapMinutes) {}

    @QueryMapping
    List<Agenda.AgendaSlot> doctorAgenda(@Argument UUID doctorId, @Argument OffsetDateTime from, @Argument OffsetDateTime to) {
        return agenda.freeSlots(new AccountId(doctorId), from.toInstant(), to.toInstant());
    }

    @QueryMapping
    List<Agenda.AgendaSlot> myAgenda(@Argument OffsetDateTime from, @Argument OffsetDateTime to,
                                     @AuthenticationPrincipal Caller caller) {
        return agenda.ownSlots(Callers.doctor(caller), from.toInstant(), to.toInstant());
    }

    @MutationMapping
    List<Agenda.AgendaSlot> publishSlots(@Argument @Valid @Size(min = 1, max = 2000) List<NewSlotInput> slots,
                            @AuthenticationPrincipal Caller caller) {
        AccountId doctor = Callers.doctor(caller);
        return agenda.publish(doctor, slots.stream()
                .map(s -> new Agenda.NewSlot(s.start().toInstant(), Optional.ofNullable(s.end()).map(OffsetDateTime::toInstant)))
                .toList());
    }

    @MutationMapping
    List<Agenda.AgendaSlot> publishWeeklyAvailability(@Argument @Valid WeeklyAvailabilityInput input, @AuthenticationPrincipal Caller caller) {
        AccountId doctor = Callers.doctor(caller);
        int gap = input.gapMinutes() == null ? 0 : input.gapMinutes();
        return agenda.publishWeekly(doctor, input.from(), input.to(), input.days(), input.startTime(), input.endTime(),
                Duration.ofMinutes(gap));
    }

    @MutationMapping
    Agenda.AgendaSlot moveSlot(@Argument UUID slotId, @Argument OffsetDateTime start, @Argument OffsetDateTime end,
                  @AuthenticationPrincipal Caller caller) {
        return agenda.move(Callers.doctor(caller), new SlotId(slotId), start.toInstant(),
                Optional.ofNullable(end).map(OffsetDateTime::toInstant));
    }

    @MutationMapping
    boolean removeSlot(@Argument UUID slotId, @AuthenticationPrincipal Caller caller) {
        agenda.remove(Callers.doctor(caller), new SlotId(slotId));
        return true;
    }

    @MutationMapping
    int blockPeriod(@Argument OffsetDateTime from, @Argument OffsetDateTime to, @AuthenticationPrincipal Caller caller) {
        return agenda.block(Callers.doctor(caller), from.toInstant(), to.toInstant());
    }

    // Slot fields come from the slot inside the agenda entry.
    @SchemaMapping(typeName = "Slot", field = "id")
    UUID id(Agenda.AgendaSlot entry) {
        return entry.slot().id().value();
    }

    @SchemaMapping(typeName = "Slot", field = "doctorId")
    UUID doctorId(Agenda.AgendaSlot entry) {
        return entry.slot().doctorId().value();
    }

    @SchemaMapping(typeName = "Slot", field = "start")
    java.time.Instant start(Agenda.AgendaSlot entry) {
        return entry.slot().start();
    }

    @SchemaMapping(typeName = "Slot", field = "end")
    java.time.Instant end(Agenda.AgendaSlot entry) {
        return entry.slot().end();
    }

    @SchemaMapping(typeName = "Slot", field = "available")
    boolean available(Agenda.AgendaSlot entry) {
        return entry.free();
    }

    @SchemaMapping(typeName = "Slot", field = "price")
    java.math.BigDecimal price(Agenda.AgendaSlot entry) {
        return entry.price().orElse(null);
    }

    @SchemaMapping(typeName = "Slot", field = "appointment")
    Object appointment(Agenda.AgendaSlot entry) {
        return entry.appointment().orElse(null);
    }
}
