package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.security.InvalidAccessTokenException;
import br.com.healthmed.support.Api;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

/** {@link SessionService#endOf}: the live signal behind the {@code sessionEnded} subscription. */
@SpringBootTest
class SessionEndingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    RegistrationService registration;

    @Autowired
    SessionService sessions;

    @Autowired
    AccessTokens accessTokens;

    private Account account;

    @BeforeEach
    void register() {
        account = registration.registerPatient(new NewPatient("Ana", "ana." + System.nanoTime() + "@example.com",
                Api.cpf(System.nanoTime() % 100_000_000L), Api.PASSWORD, LocalDate.of(1990, 1, 1), Optional.empty()), "203.0.113.9");
    }

    private static String sessionIdOf(Session session) {
        return session.accessToken().isEmpty() ? "" : sessionIdFromToken(session.accessToken());
    }

    private static String sessionIdFromToken(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void logoutEndsTheSessionForItsSubscribersOnly() {
        Session mine = sessions.open(account);
        Session other = sessions.open(account);

        StepVerifier.create(sessions.endOf(sessionIdOf(mine)))
                .then(() -> sessions.logout(other.refreshToken(), Optional.empty()))
                .then(() -> sessions.logout(mine.refreshToken(), Optional.empty()))
                .expectNextMatches(ended -> ended.reason() == SessionEnded.Reason.LOGGED_OUT
                        && ended.sessionId().equals(sessionIdOf(mine)))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void reusingARefreshTokenEndsTheSessionWithThatReason() {
        Session session = sessions.open(account);
        sessions.refresh(session.refreshToken(), Optional.empty());

        StepVerifier.create(sessions.endOf(sessionIdOf(session)))
                .then(() -> assertThatThrownBy(() -> sessions.refresh(session.refreshToken(), Optional.empty())))
                .expectNextMatches(ended -> ended.reason() == SessionEnded.Reason.REFRESH_TOKEN_REUSED)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aSessionThatAlreadyEndedIsReportedAtOnce() {
        Session session = sessions.open(account);
        sessions.logout(session.refreshToken(), Optional.empty());

        StepVerifier.create(sessions.endOf(sessionIdOf(session)))
                .expectNextMatches(ended -> ended.reason() == SessionEnded.Reason.ALREADY_ENDED)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(sessions.endOf("no-such-session"))
                .expectNextMatches(ended -> ended.reason() == SessionEnded.Reason.ALREADY_ENDED)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void revokingAllOfAnAccountsSessionsStopsTheirAccessAndRefreshTokensAndNoOneElses() {
        Session phone = sessions.open(account);
        Session laptop = sessions.open(account);
        Account someoneElse = registration.registerPatient(new NewPatient("Bia", "bia." + System.nanoTime() + "@example.com",
                Api.cpf(System.nanoTime() % 100_000_000L), Api.PASSWORD, LocalDate.of(1991, 1, 1), Optional.empty()), "203.0.113.9");
        Session theirs = sessions.open(someoneElse);

        StepVerifier.create(sessions.endOf(sessionIdOf(phone)))
                .then(() -> sessions.revokeAll(account.id(), SessionEnded.Reason.PASSWORD_CHANGED))
                .expectNextMatches(ended -> ended.reason() == SessionEnded.Reason.PASSWORD_CHANGED)
                .expectComplete()
                .verify(WAIT);

        for (Session ended : new Session[] {phone, laptop}) {
            assertThatThrownBy(() -> accessTokens.verify(ended.accessToken()))
                    .isInstanceOfSatisfying(InvalidAccessTokenException.class, refused -> assertThat(refused.revoked()).isTrue());
            assertThatThrownBy(() -> sessions.refresh(ended.refreshToken(), Optional.empty())).hasMessageContaining("log in again");
        }
        assertThat(accessTokens.verify(theirs.accessToken()).accountId()).isEqualTo(someoneElse.id().toString());
    }

    @Test
    void anOpenSessionEmitsNothing() {
        Session session = sessions.open(account);

        StepVerifier.create(sessions.endOf(sessionIdOf(session)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(WAIT);
    }
}
