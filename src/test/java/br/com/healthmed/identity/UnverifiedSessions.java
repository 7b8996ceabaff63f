package br.com.healthmed.identity;

import br.com.healthmed.support.Api;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;

/**
 * A logged-in patient whose e-mail is not verified, for the tests of what such a session may and may not
 * do ({@code EMAIL_NOT_VERIFIED}, {@code verifyEmail} with a session, {@code resendVerification}).
 *
 * <p>The API no longer makes one: an unverified patient's password opens no session (it would tell, right
 * after registering, whether the e-mail and CPF were new), and {@code verifyEmailAndLogin} verifies before
 * it opens one. Such a session stands for an account from before e-mail verification existed, whose
 * owner logged in with the password then and still holds the tokens. It is made as that account was:
 * registered through the service (claims, account, and the verification code e-mailed, as registration
 * does now), then a session opened and its login logged ({@code LOGIN_SUCCEEDED}), as a password login did.
 * Needs the Spring context (import it, as {@code ClockedApiTest} does).
 */
@TestComponent
public class UnverifiedSessions {

    private final RegistrationService registration;
    private final SessionService sessions;
    private final SecurityLog securityLog;

    UnverifiedSessions(RegistrationService registration, SessionService sessions, SecurityLog securityLog) {
        this.registration = registration;
        this.sessions = sessions;
        this.securityLog = securityLog;
    }

    /**
     * Registers a patient from {@code input} (as {@link Api#newPatient} makes it), leaves the e-mail
     * unverified, and opens a session: an {@code AuthPayload} as a map ({@code accessToken},
     * {@code refreshToken}, {@code account.id}). The verification code is in the mailbox when this returns.
     */
    public Map<String, Object> register(Map<String, Object> input) {
        // an address of its own, so that these registrations spend no other test's registration budget
        String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        PatientAccount patient = registration.registerPatient(new NewPatient((String) input.get("name"), (String) input.get("email"),
                (String) input.get("cpf"), (String) input.get("password"), LocalDate.parse((String) input.get("birthDate")),
                Optional.ofNullable((String) input.get("phone"))), address);
        Session session = sessions.open(patient);
        securityLog.record(patient.id(), SecurityEventKind.LOGIN_SUCCEEDED, Optional.of(address));
        return Map.of("accessToken", session.accessToken(), "refreshToken", session.refreshToken(),
                "account", Map.of("id", patient.id().toString()));
    }
}
