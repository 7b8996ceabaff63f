package br.com.healthmed.identity.api;

import br.com.healthmed.identity.LoginOutcome;
import br.com.healthmed.identity.LoginService;
import br.com.healthmed.identity.SessionEnded;
import br.com.healthmed.identity.SessionService;
import br.com.healthmed.identity.TwoFactorService;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import reactor.core.publisher.Flux;
import org.springframework.stereotype.Controller;

/** Login, refresh, logout, and the live end of a session. */
@Controller
class SessionController {

    private final LoginService logins;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;

    SessionController(LoginService logins, SessionService sessions, TwoFactorService twoFactor) {
        this.logins = logins;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    /** A {@code LoginResult}: an {@link AuthPayload} or a {@link SecondFactorRequired}. */
    @MutationMapping
    Object loginPatient(@Argument @Size(max = 254) String login, @Argument @Size(max = 512) String password,
                        @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return result(logins.loginPatient(login, password, address.value()));
    }

    @MutationMapping
    Object loginDoctor(@Argument @Size(max = 30) String crm, @Argument @Size(max = 512) String password,
                       @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return result(logins.loginDoctor(crm, password, address.value()));
    }

    @MutationMapping
    AuthPayload completeLogin(@Argument @Size(max = 200) String challenge, @Argument @Size(max = 40) String code,
                              @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return AuthPayload.of(twoFactor.completeLogin(challenge, code, address.value()));
    }

    /** Without a session: the e-mailed code, its address and the password verify the patient and log them in (a {@code LoginResult}). */
    @MutationMapping
    Object verifyEmailAndLogin(@Argument @Size(max = 254) String email, @Argument @Size(max = 20) String code,
                               @Argument @Size(max = 512) String password,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return result(logins.verifyEmailAndLogin(email, code, password, address.value()));
    }

    private static Object result(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.SecondFactorDue due) {
            return SecondFactorRequired.of(due);
        }
        return AuthPayload.of(((LoginOutcome.LoggedIn) outcome).session());
    }

    @MutationMapping
    Object reactivateAccount(@Argument @Size(max = 254) String login, @Argument @Size(max = 512) String password,
                                  @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return result(logins.reactivate(login, password, address.value()));
    }

    @MutationMapping
    AuthPayload refreshSession(@Argument @Size(max = 200) String refreshToken,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return AuthPayload.of(sessions.refresh(refreshToken, Optional.of(address.value())));
    }

    @SubscriptionMapping
    Flux<SessionEnded> sessionEnded(@AuthenticationPrincipal Caller caller) {
        return sessions.endOf(Caller.required(caller).sessionId());
    }

    @MutationMapping
    boolean logout(@Argument @Size(max = 200) String refreshToken,
                   @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        sessions.logout(refreshToken, Optional.of(address.value()));
        return true;
    }
}
