package br.com.healthmed.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.Role;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A patient's CPF, e-mail, birth date and phone exist only for that patient. */
class PatientPrivacyTest {

    private final AccountController controller = new AccountController(null, null, null);
    private final PatientSummary ana = new PatientSummary(AccountId.random(), "Ana", new Email("ana@example.com"),
            new Cpf("52998224725"), LocalDate.of(1990, 5, 17), Optional.of(new Phone("+5511987654321")), Instant.now(), false);
    private final DataFetchingEnvironment plain = DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build();

    private static Caller caller(String accountId, Role role) {
        return new Caller(accountId, role, "session", Instant.now().plusSeconds(60));
    }

    @Test
    void thePatientSeesTheirOwnData() {
        Caller self = caller(ana.id().toString(), Role.PATIENT);

        assertThat(controller.cpf(ana, self, plain)).isEqualTo("529.982.247-25");
        assertThat(controller.email(ana, self, plain)).isEqualTo("ana@example.com");
        assertThat(controller.birthDate(ana, self, plain)).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(controller.phone(ana, self, plain)).isEqualTo("+5511987654321");
    }

    @Test
    void anotherPatientADoctorAndAnAnonymousCallerGetNotFound() {
        for (Caller other : new Caller[] {caller(AccountId.random().toString(), Role.PATIENT),
                caller(AccountId.random().toString(), Role.DOCTOR), null}) {
            assertThat(catchThrowableOfType(DomainException.class, () -> controller.cpf(ana, other, plain)).code())
                    .isEqualTo(PlatformErrors.NOT_FOUND);
            assertThat(catchThrowableOfType(DomainException.class, () -> controller.email(ana, other, plain)).code())
                    .isEqualTo(PlatformErrors.NOT_FOUND);
            assertThat(catchThrowableOfType(DomainException.class, () -> controller.birthDate(ana, other, plain)).code())
                    .isEqualTo(PlatformErrors.NOT_FOUND);
            assertThat(catchThrowableOfType(DomainException.class, () -> controller.phone(ana, other, plain)).code())
                    .isEqualTo(PlatformErrors.NOT_FOUND);
        }
    }

    @Test
    void theAccountOfAnAuthPayloadIsShownToWhoeverJustAuthenticatedAsIt() {
        var result = controller.authenticatedAccount(new AuthPayload("a", "Bearer", Instant.now(), "r", Instant.now(), ana));
        DataFetchingEnvironment underAuthPayload = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .localContext(result.getLocalContext()).build();

        assertThat(controller.cpf(ana, null, underAuthPayload)).isEqualTo("529.982.247-25");

        DataFetchingEnvironment someoneElses = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .localContext(GraphQLContext.of(Map.of("authenticatedAccount", AccountId.random().toString()))).build();
        assertThat(catchThrowableOfType(DomainException.class, () -> controller.cpf(ana, null, someoneElses)).code())
                .isEqualTo(PlatformErrors.NOT_FOUND);
    }

    @Test
    void logsNeverSeeAPatientsDataOrPasswordHash() {
        assertThat(ana.toString()).contains(ana.id().toString())
                .doesNotContain("52998224725", "ana@example.com", "argon2", "Ana");
    }
}
