package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.SlotId;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import br.com.healthmed.scheduling.Appointment;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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

    /**
     * The hottest public query: its three arguments are taken as the global-id visitor (doctorId,
     * decoded to the doctor's UUID) and the DateTime scalar have already made them, without Spring's argument binder (type resolution and a binding result
     * per argument, about 2% of the request's CPU time in a profile).
     */
    @QueryMapping
    List<SlotView> doctorAgenda(DataFetchingEnvironment env) {
        UUID doctorId = env.getArgument("doctorId");
        OffsetDateTime from = env.getArgument("from");
        OffsetDateTime to = env.getArgument("to");
        return SlotView.of(agenda.freeSlots(new AccountId(doctorId), from.toInstant(), to.toInstant()));
    }

    @QueryMapping
    List<SlotView> myAgenda(@Argument OffsetDateTime from, @Argument OffsetDateTime to,
                                     @AuthenticationPrincipal Caller caller) {
        return SlotView.of(agenda.ownSlots(AccountId.of(RoleGate.doctor(caller)), from.toInstant(), to.toInstant()));
    }

    @MutationMapping
    List<SlotView> publishSlots(@Argument @Valid @Size(min = 1, max = 2000) List<NewSlotInput> slots,
                            @AuthenticationPrincipal Caller caller) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        return SlotView.of(agenda.publish(doctor, slots.stream()
                .map(s -> new Agenda.NewSlot(s.start().toInstant(), Optional.ofNullable(s.end()).map(OffsetDateTime::toInstant)))
                .toList()));
    }

    @MutationMapping
    List<SlotView> publishWeeklyAvailability(@Argument @Valid WeeklyAvailabilityInput input, @AuthenticationPrincipal Caller caller) {
        AccountId doctor = AccountId.of(RoleGate.doctor(caller));
        int gap = input.gapMinutes() == null ? 0 : input.gapMinutes();
        return SlotView.of(agenda.publishWeekly(doctor, input.from(), input.to(), input.days(), input.startTime(),
                input.endTime(), Duration.ofMinutes(gap)));
    }

    @MutationMapping
    SlotView moveSlot(@Argument UUID slotId, @Argument OffsetDateTime start, @Argument @Nullable OffsetDateTime end,
                  @AuthenticationPrincipal Caller caller) {
        return SlotView.of(agenda.move(AccountId.of(RoleGate.doctor(caller)), new SlotId(slotId), start.toInstant(),
                Optional.ofNullable(end).map(OffsetDateTime::toInstant)));
    }

    @MutationMapping
    boolean removeSlot(@Argument UUID slotId, @AuthenticationPrincipal Caller caller) {
        agenda.remove(AccountId.of(RoleGate.doctor(caller)), new SlotId(slotId));
        return true;
    }

    @MutationMapping
    int blockPeriod(@Argument OffsetDateTime from, @Argument OffsetDateTime to, @AuthenticationPrincipal Caller caller) {
        return agenda.block(AccountId.of(RoleGate.doctor(caller)), from.toInstant(), to.toInstant());
    }

    /**
     * The {@code Slot} type as plain properties: an agenda lists hundreds of slots, and a property read
     * costs far less per field than a controller method.
     */
    record SlotView(UUID id, UUID doctorId, Instant start, Instant end, boolean available, @Nullable BigDecimal price,
                    @Nullable Appointment appointment) {

        static SlotView of(Agenda.AgendaSlot entry) {
            return new SlotView(entry.slot().id().value(), entry.slot().doctorId().value(), entry.slot().start(),
                    entry.slot().end(), entry.free(), entry.price().orElse(null), entry.appointment().orElse(null));
        }

        static List<SlotView> of(List<Agenda.AgendaSlot> entries) {
            return entries.stream().map(SlotView::of).toList();
        }
    }
}
