package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.support.Api;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Login through the real services, with the password hasher observed (and, where said, made to fail). */
@SpringBootTest
class LoginServiceTest {

    @MockitoSpyBean
    PasswordHasher passwords;

    @Autowired
    LoginService logins;

    @Autowired
    RegistrationService registration;

    @Autowired
    AccountStore accounts;

    /** An unknown login costs the same password check as a wrong password: timing does not tell. */
    @Test
    void anUnknownLoginAndAWrongPasswordEachCheckOnePasswordHash() {
        String email = "timing." + System.nanoTime() + "@example.com";
        registration.registerPatient(new NewPatient("Ana", email, Api.cpf(System.nanoTime() % 1_000_000),
                Api.PASSWORD, LocalDate.of(1990, 1, 1), Optional.empty()), "203.0.113.50");

        clearInvocations(passwords);
        assertThatThrownBy(() -> logins.loginPatient(email, "wrong password!", "203.0.113.51"));
        verify(passwords, times(1)).matches(anyString(), anyString());

        clearInvocations(passwords);
        assertThatThrownBy(() -> logins.loginPatient("nobody." + System.nanoTime() + "@example.com", "wrong password!", "203.0.113.52"));
        verify(passwords, times(1)).matches(anyString(), anyString());
    }

    /**
     * An unverified patient's right password is refused exactly as a wrong one, after the same hash
     * check and counted as a failure: a login right after registering must not say whether the
     * e-mail and CPF were new.
     */
    @Test
    void anUnverifiedPatientsRightPasswordIsRefusedAsAWrongOneAfterTheSameWork() {
        String email = "unverified." + System.nanoTime() + "@example.com";
        registration.registerPatient(new NewPatient("Ana", email, Api.cpf(System.nanoTime() % 1_000_000),
                Api.PASSWORD, LocalDate.of(1990, 1, 1), Optional.empty()), "203.0.113.90");

        clearInvocations(passwords);
        DomainException right = catchThrowableOfType(DomainException.class, () -> logins.loginPatient(email, Api.PASSWORD, "203.0.113.91"));
        verify(passwords, times(1)).matches(anyString(), anyString());
        DomainException wrong = catchThrowableOfType(DomainException.class, () -> logins.loginPatient(email, "wrong password!", "203.0.113.91"));

        assertThat(right.code()).isEqualTo(IdentityErrors.INVALID_CREDENTIALS).isEqualTo(wrong.code());
        assertThat(right.getMessage()).isEqualTo(wrong.getMessage());
        assertThat(right.extensions()).isEqualTo(wrong.extensions());
        // counted as failures: three more (five in all) lock the login, the right password too
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> logins.loginPatient(email, Api.PASSWORD, "203.0.113.91"));
        }
        assertThat(catchThrowableOfType(DomainException.class, () -> logins.loginPatient(email, Api.PASSWORD, "203.0.113.92")).code())
                .isEqualTo(IdentityErrors.TOO_MANY_ATTEMPTS);
    }

    @Test
    void loginsThatFindTheServiceBusyDoNotLockTheAccount() {
        String email = "busy." + System.nanoTime() + "@example.com";
        PatientAccount ana = verified(registration.registerPatient(new NewPatient("Ana", email, Api.cpf(System.nanoTime() % 1_000_000),
                Api.PASSWORD, LocalDate.of(1990, 1, 1), Optional.empty()), "203.0.113.60"));
        doThrow(new DomainException(PlatformErrors.SERVICE_BUSY, "busy")).when(passwords).matches(anyString(), anyString());

        for (int i = 0; i < 10; i++) {
            assertThat(catchThrowableOfType(DomainException.class, () -> logins.loginPatient(email, Api.PASSWORD, "203.0.113.61")).code())
                    .isEqualTo(PlatformErrors.SERVICE_BUSY);
        }
        reset(passwords);

        assertThat(session(logins.loginPatient(email, Api.PASSWORD, "203.0.113.61")).account().id()).isEqualTo(ana.id()); // not locked
    }

    @Test
    void theSameAccentedPasswordTypedComposedOrDecomposedIsOnePassword() {
        String email = "nfkc." + System.nanoTime() + "@example.com";
        String decomposed = "Cafe\u0301 com pa\u0303o e mel";
        PatientAccount ana = verified(registration.registerPatient(new NewPatient("Ana", email, Api.cpf(System.nanoTime() % 1_000_000),
                decomposed, LocalDate.of(1990, 1, 1), Optional.empty()), "203.0.113.70"));

        assertThat(session(logins.loginPatient(email, "Caf\u00e9 com p\u00e3o e mel", "203.0.113.71")).account().id()).isEqualTo(ana.id());
    }

    @Test
    void aCommonPasswordInFullWidthDigitsIsStillCommon() {
        NewPatient fullWidth = new NewPatient("Ana", "fw." + System.nanoTime() + "@example.com", Api.cpf(System.nanoTime() % 1_000_000),
                "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", LocalDate.of(1990, 1, 1), Optional.empty());

        assertThat(catchThrowableOfType(DomainException.class, () -> registration.registerPatient(fullWidth, "203.0.113.80")).code())
                .isEqualTo(IdentityErrors.COMMON_PASSWORD);
    }

    private PatientAccount verified(PatientAccount patient) {
        assertThat(accounts.markEmailVerified(patient.id(), patient.email())).isTrue();
        return patient;
    }

    private static Session session(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.LoggedIn.class);
        return ((LoginOutcome.LoggedIn) outcome).session();
    }
}
