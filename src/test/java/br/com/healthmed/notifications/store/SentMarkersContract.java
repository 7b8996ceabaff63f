package br.com.healthmed.notifications.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.SentMarkers;
import br.com.healthmed.notifications.SentMarkers.Claim;
import br.com.healthmed.notifications.SentMarkers.Outcome;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SentMarkers} promises: one sender per delivery and recipient, ever. */
abstract class SentMarkersContract {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    protected abstract SentMarkers markers();

    private final String delivery = "event-" + UUID.randomUUID();
    private final AccountId patient = AccountId.random();

    @Test
    void ofManyConcurrentClaimsExactlyOneIsGranted() throws Exception {
        List<Object> claims = Concurrently.run(20, i -> () -> markers().claim(delivery, patient, NOW, LEASE));

        assertThat(claims).filteredOn(Claim.GRANTED::equals).hasSize(1);
        assertThat(claims).filteredOn(c -> c != Claim.GRANTED).allSatisfy(c -> assertThat(c).isEqualTo(Claim.BUSY));
    }

    @Test
    void aCompletedDeliveryIsNeverGrantedAgainEvenAfterTheLease() {
        assertThat(markers().claim(delivery, patient, NOW, LEASE)).isEqualTo(Claim.GRANTED);
        markers().complete(delivery, patient, Outcome.SENT, NOW);

        assertThat(markers().claim(delivery, patient, NOW, LEASE)).isEqualTo(Claim.DONE);
        assertThat(markers().claim(delivery, patient, NOW.plus(Duration.ofDays(1)), LEASE)).isEqualTo(Claim.DONE);
        markers().release(delivery, patient); // a late release does not undo a completed delivery
        assertThat(markers().claim(delivery, patient, NOW.plus(Duration.ofDays(1)), LEASE)).isEqualTo(Claim.DONE);
    }

    @Test
    void aPermanentFailureIsDoneToo() {
        markers().claim(delivery, patient, NOW, LEASE);
        markers().complete(delivery, patient, Outcome.FAILED, NOW);

        assertThat(markers().claim(delivery, patient, NOW.plus(LEASE).plusSeconds(1), LEASE)).isEqualTo(Claim.DONE);
    }

    @Test
    void aClaimWhoseSenderDiedCanBeTakenOverOnlyAfterItsLease() {
        markers().claim(delivery, patient, NOW, LEASE);

        assertThat(markers().claim(delivery, patient, NOW.plus(LEASE), LEASE)).isEqualTo(Claim.BUSY);
        assertThat(markers().claim(delivery, patient, NOW.plus(LEASE).plusSeconds(1), LEASE)).isEqualTo(Claim.GRANTED);
        assertThat(markers().claim(delivery, patient, NOW.plus(LEASE).plusSeconds(2), LEASE)).isEqualTo(Claim.BUSY);
    }

    @Test
    void aReleasedClaimCanBeClaimedAgainAtOnce() {
        markers().claim(delivery, patient, NOW, LEASE);
        markers().release(delivery, patient);

        assertThat(markers().claim(delivery, patient, NOW, LEASE)).isEqualTo(Claim.GRANTED);
    }

    @Test
    void eachRecipientAndEachDeliveryHasItsOwnMarker() {
        AccountId doctor = AccountId.random();
        markers().claim(delivery, patient, NOW, LEASE);
        markers().complete(delivery, patient, Outcome.SENT, NOW);

        assertThat(markers().claim(delivery, doctor, NOW, LEASE)).isEqualTo(Claim.GRANTED);
        assertThat(markers().claim("other-" + delivery, patient, NOW, LEASE)).isEqualTo(Claim.GRANTED);
    }
}
