package br.com.healthmed.records.store;

import static br.com.healthmed.records.store.RecordsFixtures.NOW;
import static br.com.healthmed.records.store.RecordsFixtures.allFiles;
import static br.com.healthmed.records.store.RecordsFixtures.grant;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.GrantStore;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.ShareScope;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link GrantStore} promises. */
abstract class GrantStoreContract {

    protected abstract GrantStore store();

    private final AccountId patient = AccountId.random();
    private final AccountId doctor = AccountId.random();

    @Test
    void aGrantIsReadBackWholeByItsPatientOnly() {
        Grant grant = new Grant(GrantId.random(), patient, doctor,
                new ShareScope(false, Set.of(FileId.random(), FileId.random()), Set.of(GroupId.random())),
                Optional.empty(), NOW, NOW.plus(Duration.ofHours(1)), Optional.empty());
        store().create(grant);

        assertThat(store().grant(patient, grant.id())).hasValue(grant);
        assertThat(store().grant(doctor, grant.id())).isEmpty();
        assertThat(store().grant(AccountId.random(), grant.id())).isEmpty();
        assertThat(store().grant(patient, GrantId.random())).isEmpty();
    }

    @Test
    void aShareOfNotesAndConsultationsIsReadBackWhole() {
        Grant grant = new Grant(GrantId.random(), patient, doctor, new ShareScope(false, Set.of(), Set.of(), true,
                Set.of(AppointmentId.random(), AppointmentId.random())), Optional.empty(), NOW, NOW.plus(Duration.ofHours(1)),
                Optional.empty());
        store().create(grant);

        assertThat(store().grant(patient, grant.id())).hasValue(grant);
        assertThat(store().grantsBetween(patient, doctor)).containsExactly(grant);
    }

    @Test
    void grantsAreListedPerPatientNewestFirstAndPerPatientAndDoctor() {
        Grant older = grant(patient, doctor, allFiles(), NOW.plus(Duration.ofDays(1)));
        Grant newer = new Grant(GrantId.random(), patient, AccountId.random(), allFiles(), Optional.empty(),
                NOW.plusSeconds(10), NOW.plus(Duration.ofDays(1)), Optional.empty());
        store().create(older);
        store().create(newer);
        store().create(grant(AccountId.random(), doctor, allFiles(), NOW.plus(Duration.ofDays(1))));

        assertThat(store().grantsOf(patient)).containsExactly(newer, older);
        assertThat(store().grantsBetween(patient, doctor)).containsExactly(older);
    }

    @Test
    void aDoctorsActiveGrantsComeFromEveryPatientAndLeaveOutExpiredAndRevokedOnes() {
        AccountId otherPatient = AccountId.random();
        Grant active = grant(patient, doctor, allFiles(), NOW.plus(Duration.ofHours(2)));
        Grant fromAnother = grant(otherPatient, doctor, allFiles(), NOW.plus(Duration.ofHours(1)));
        Grant expired = grant(patient, doctor, allFiles(), NOW.minusSeconds(1));
        Grant revoked = grant(otherPatient, doctor, allFiles(), NOW.plus(Duration.ofHours(3)));
        Grant toAnotherDoctor = grant(patient, AccountId.random(), allFiles(), NOW.plus(Duration.ofHours(3)));
        for (Grant grant : new Grant[] {active, fromAnother, expired, revoked, toAnotherDoctor}) {
            store().create(grant);
        }
        assertThat(store().revoke(otherPatient, revoked.id(), NOW)).isTrue();

        assertThat(store().activeGrantsTo(doctor, NOW)).containsExactlyInAnyOrder(active, fromAnother);
        assertThat(store().activeGrantsTo(doctor, NOW.plus(Duration.ofMinutes(90)))).containsExactly(active);
    }

    @Test
    void revokingHoldsAtOnceOnceAndOnlyForTheOwner() {
        Grant grant = grant(patient, doctor, allFiles(), NOW.plus(Duration.ofHours(1)));
        store().create(grant);

        assertThat(store().revoke(AccountId.random(), grant.id(), NOW)).isFalse();
        assertThat(store().grant(patient, grant.id()).orElseThrow().activeAt(NOW)).isTrue();

        assertThat(store().revoke(patient, grant.id(), NOW.plusSeconds(1))).isTrue();
        assertThat(store().revoke(patient, grant.id(), NOW.plusSeconds(2))).isTrue();
        assertThat(store().grant(patient, grant.id())).hasValue(grant.revokedAt(NOW.plusSeconds(1)));
        assertThat(store().grantsBetween(patient, doctor)).containsExactly(grant.revokedAt(NOW.plusSeconds(1)));
        assertThat(store().revoke(patient, GrantId.random(), NOW)).isFalse();
    }
}
