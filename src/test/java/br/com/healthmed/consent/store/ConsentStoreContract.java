package br.com.healthmed.consent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.consent.ConsentAcceptance;
import br.com.healthmed.consent.ConsentProperties;
import br.com.healthmed.consent.ConsentStore;
import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.consent.ConsentErrors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** What every {@link ConsentStore} promises, and the consent service's versions over it. */
abstract class ConsentStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract ConsentStore store();

    private static ConsentAcceptance acceptance(AccountId patient, String version, Instant at) {
        return new ConsentAcceptance(patient, version, "ab12", at, Optional.of("203.0.113.7"));
    }

    @Test
    void theFirstAcceptanceOfAVersionIsKept() {
        AccountId patient = AccountId.random();
        ConsentAcceptance first = acceptance(patient, "1", NOW);

        assertThat(store().accept(first)).isEqualTo(first);
        assertThat(store().accept(acceptance(patient, "1", NOW.plusSeconds(60)))).isEqualTo(first);
        assertThat(store().find(patient, "1")).contains(first);
        assertThat(store().find(patient, "2")).isEmpty();
        assertThat(store().find(AccountId.random(), "1")).isEmpty();
    }

    @Test
    void aWithdrawnAcceptanceIsReplacedByTheNextAcceptance() {
        AccountId patient = AccountId.random();
        store().accept(acceptance(patient, "1", NOW));

        assertThat(store().withdraw(patient, "1", NOW.plusSeconds(10))).isTrue();
        assertThat(store().withdraw(patient, "1", NOW.plusSeconds(20))).isFalse();
        assertThat(store().withdraw(patient, "2", NOW.plusSeconds(20))).isFalse();
        assertThat(store().find(patient, "1")).hasValueSatisfying(a -> assertThat(a.withdrawnAt()).contains(NOW.plusSeconds(10)));

        ConsentAcceptance again = acceptance(patient, "1", NOW.plusSeconds(30));
        assertThat(store().accept(again)).isEqualTo(again);
        assertThat(store().find(patient, "1")).contains(again);
        assertThat(store().findAll(List.of(patient), "1")).containsEntry(patient, again);
    }

    @Test
    void anAcceptanceWithoutAClientAddressComesBackWithout() {
        ConsentAcceptance acceptance = new ConsentAcceptance(AccountId.random(), "1", "ab12", NOW, Optional.empty());
        store().accept(acceptance);
        assertThat(store().find(acceptance.patient(), "1")).contains(acceptance);
    }

    @Test
    void manyPatientsAcceptancesOfOneVersionInOneRead() {
        AccountId accepted = AccountId.random();
        AccountId acceptedAnother = AccountId.random();
        AccountId never = AccountId.random();
        store().accept(acceptance(accepted, "1", NOW));
        store().accept(acceptance(acceptedAnother, "2", NOW));

        Map<AccountId, ConsentAcceptance> found = store().findAll(List.of(accepted, acceptedAnother, never, accepted), "1");

        assertThat(found).containsOnlyKeys(accepted);
        assertThat(store().findAll(List.of(), "1")).isEmpty();
    }

    @Test
    void aNewVersionAsksAgainAndTheOldOneCannotBeAcceptedAnyMore() {
        AccountId patient = AccountId.random();
        TeleconsultationConsent first = consent("1", "Termo, primeira versão.");
        first.accept(patient, "1", Optional.of("203.0.113.7"));
        first.requireCurrent(patient);

        TeleconsultationConsent second = consent("2", "Termo, segunda versão.");
        assertThat(catchThrowableOfType(DomainException.class, () -> second.requireCurrent(patient)).code())
                .isEqualTo(ConsentErrors.CONSENT_REQUIRED);
        DomainException outdated = catchThrowableOfType(DomainException.class, () -> second.accept(patient, "1", Optional.empty()));
        assertThat(outdated.code()).isEqualTo(ConsentErrors.CONSENT_VERSION_OUTDATED);
        assertThat(outdated.extensions()).containsEntry("currentVersion", "2");

        ConsentAcceptance again = second.accept(patient, "2", Optional.empty());
        second.requireCurrent(patient);
        assertThat(second.withdraw(patient, Optional.empty())).isTrue();
        assertThat(catchThrowableOfType(DomainException.class, () -> second.requireCurrent(patient)).code())
                .isEqualTo(ConsentErrors.CONSENT_REQUIRED);
        assertThat(logged).containsExactly(SecurityEventKind.CONSENT_ACCEPTED, SecurityEventKind.CONSENT_ACCEPTED,
                SecurityEventKind.CONSENT_WITHDRAWN);
        assertThat(again.textSha256()).isNotEqualTo(store().find(patient, "1").orElseThrow().textSha256());
    }

    private final List<SecurityEventKind> logged = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The owner's security log as the consent service writes to it: what was recorded, in order. */
    private final SecurityLog securityLog = new SecurityLog() {
        @Override
        public void record(AccountId account, SecurityEventKind kind, Optional<String> clientAddress) {
            logged.add(kind);
        }

        @Override
        public SecurityEventStore.Page events(AccountId account, int first, Optional<String> after) {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public SecurityEventStore.Page newerEvents(AccountId account, int last, Optional<String> before) {
            throw new UnsupportedOperationException("not read here");
        }
    };

    private TeleconsultationConsent consent(String version, String text) {
        return new TeleconsultationConsent(store(), new ConsentProperties(version,
                new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8))), securityLog, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
