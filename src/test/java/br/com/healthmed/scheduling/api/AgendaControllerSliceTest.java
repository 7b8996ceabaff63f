package br.com.healthmed.scheduling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.graphql.GraphQlSlice;
import br.com.healthmed.platform.security.AsCaller;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.Slot;
import br.com.healthmed.scheduling.SlotId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The slice tier for a controller with a caller: {@link AgendaController} over the real schema, with its
 * caller from {@link AsCaller} and its one service, {@link Agenda}, a mock (the real one needs the slot and
 * appointment stores). What is tested is the controller's part: arguments as the service receives them,
 * the role gate before the service, and the service's failures as the client sees them. A test without
 * {@code @AsCaller} is anonymous, as a request without a token is once through the filter chain.
 */
@GraphQlTest(AgendaController.class)
@Import(GraphQlSlice.class)
@WithAnonymousUser
class AgendaControllerSliceTest {

    private static final AccountId DOCTOR = AccountId.of(AsCaller.ACCOUNT_ID);
    private static final String MY_AGENDA = """
            { myAgenda(from: "2026-03-02T08:00:00-03:00", to: "2026-03-02T18:00:00-03:00") { id doctorId start end available price { amount currency } } }
            """;

    @Autowired
    GraphQlTester tester;

    @MockitoBean
    Agenda agenda;

    @Test
    @AsCaller(Role.DOCTOR)
    void myAgendaIsTheCallingDoctorsOverThePeriodAskedWhateverItsOffset() {
        Slot slot = new Slot(SlotId.random(), DOCTOR, Instant.parse("2026-03-02T12:00:00Z"), Instant.parse("2026-03-02T12:30:00Z"),
                Optional.empty());
        when(agenda.ownSlots(DOCTOR, Instant.parse("2026-03-02T11:00:00Z"), Instant.parse("2026-03-02T21:00:00Z")))
                .thenReturn(List.of(new Agenda.AgendaSlot(slot, true, Optional.of(new BigDecimal("250.00")), Optional.empty())));

        GraphQlTester.Response response = tester.document(MY_AGENDA).execute();

        response.path("myAgenda[0].id").entity(String.class).isEqualTo(br.com.healthmed.support.GlobalIds.of("Slot", slot.id()))
                .path("myAgenda[0].doctorId").entity(String.class).isEqualTo(br.com.healthmed.support.GlobalIds.of("Doctor", AsCaller.ACCOUNT_ID))
                .path("myAgenda[0].start").entity(String.class).isEqualTo("2026-03-02T12:00:00.000Z")
                .path("myAgenda[0].end").entity(String.class).isEqualTo("2026-03-02T12:30:00.000Z")
                .path("myAgenda[0].available").entity(Boolean.class).isEqualTo(true)
                .path("myAgenda[0].price.amount").entity(String.class).isEqualTo("250.00")
                .path("myAgenda[0].price.currency").entity(String.class).isEqualTo("BRL")
                .path("myAgenda").entityList(Object.class).hasSize(1);
    }

    @Test
    @AsCaller(Role.PATIENT)
    void aPatientAskingForMyAgendaGetsWrongRoleBeforeTheAgendaIsRead() {
        ResponseError error = GraphQlSlice.onlyError(tester.document(MY_AGENDA).execute());

        assertThat(error.getExtensions()).containsEntry("code", "WRONG_ROLE");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).isEqualTo("Only doctors can do this.");
        assertThat(error.getPath()).isEqualTo("myAgenda");
        verifyNoInteractions(agenda);
    }

    @Test
    void withoutATokenMyAgendaIsUnauthenticated() {
        ResponseError error = GraphQlSlice.onlyError(tester.document(MY_AGENDA).execute());

        assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
        verifyNoInteractions(agenda);
    }

    @Test
    @AsCaller(Role.DOCTOR)
    void aSlotTheAgendaDoesNotFindForTheDoctorIsNotFoundWithTheServicesMessageAndNoMore() {
        UUID slotId = UUID.randomUUID();
        doThrow(DomainException.notFound("Slot")).when(agenda).remove(DOCTOR, new SlotId(slotId));

        GraphQlTester.Response response = tester.document("mutation($id: ID!) { removeSlot(slotId: $id) }")
                .variable("id", slotId).execute();
        ResponseError error = GraphQlSlice.onlyError(response);

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(error.getMessage()).isEqualTo("Slot not found").doesNotContain("Exception", "br.com.");
        assertThat(error.getPath()).isEqualTo("removeSlot");
    }
}
