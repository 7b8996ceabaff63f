package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import br.com.healthmed.support.Api;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An unknown login costs the same password check as a wrong password, so response time does not
 * tell whether an account exists.
 */
@SpringBootTest
class LoginTimingTest {

    @MockitoSpyBean
    PasswordHasher passwords;

    @Autowired
    LoginService logins;

    @Autowired
    RegistrationService registration;

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
}
