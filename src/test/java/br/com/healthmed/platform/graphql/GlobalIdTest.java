package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GlobalIdTest {

    private static final UUID KEY = UUID.fromString("7d4f1c2e-9a63-4f59-9a52-3f2f7c1b6a10");

    @Test
    void anIdComesBackAsItsTypeAndKey() {
        String id = GlobalId.encode("Slot", KEY);

        assertThat(GlobalId.parse(id)).contains(new GlobalId("Slot", KEY.toString()));
        assertThat(GlobalId.keyExpecting("Slot", id)).isEqualTo(KEY.toString());
        assertThat(GlobalId.uuidExpectingOrLegacyUuid("Slot", id)).isEqualTo(KEY);
    }

    @Test
    void anIdIsOpaqueUrlSafeAndUnpadded() {
        String id = GlobalId.encode("Appointment", KEY);

        assertThat(id).doesNotContain(KEY.toString()).matches("[A-Za-z0-9_-]+");
        assertThat(GlobalId.encode("Specialty", "CARDIOLOGIA")).isNotEqualTo(GlobalId.encode("Specialty", "PEDIATRIA"));
    }

    @Test
    void theSameKeyUnderTwoTypesIsTwoIds() {
        assertThat(GlobalId.encode("Slot", KEY)).isNotEqualTo(GlobalId.encode("Appointment", KEY));
    }

    @Test
    void anIdOfAnotherTypeIsNotFoundLikeAMissingOne() {
        String appointment = GlobalId.encode("Appointment", KEY);

        assertThatThrownBy(() -> GlobalId.keyExpecting("Slot", appointment))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"))
                .hasMessage("Slot not found");
        assertThatThrownBy(() -> GlobalId.uuidExpectingOrLegacyUuid("Slot", appointment))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void garbageIsNotFound() {
        String padded = Base64.getUrlEncoder().encodeToString(("Slot:" + KEY).getBytes(StandardCharsets.UTF_8)) + "==";
        for (String garbage : new String[] {"", "x", "%%%", "not an id at all", padded, "U2xvdA", "OnNsb3Q", "x".repeat(5000),
                GlobalId.encode("Slot", KEY) + "A", Base64.getUrlEncoder().withoutPadding().encodeToString("slot:1".getBytes(StandardCharsets.UTF_8))}) {
            assertThat(GlobalId.parse(garbage)).as(garbage).isEmpty();
            assertThatThrownBy(() -> GlobalId.uuidExpectingOrLegacyUuid("Slot", garbage)).as(garbage)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
        }
    }

    @Test
    void aGlobalIdOfTheRightTypeWhoseKeyIsNoUuidIsNotFound() {
        assertThatThrownBy(() -> GlobalId.uuidExpectingOrLegacyUuid("Slot", GlobalId.encode("Slot", "12345")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void aBareUuidIsStillTakenWhereATypeIsExpected() {
        assertThat(GlobalId.uuidExpectingOrLegacyUuid("Slot", KEY.toString())).isEqualTo(KEY);
        assertThat(GlobalId.uuidExpectingOrLegacyUuid("Slot", KEY.toString().toUpperCase())).isEqualTo(KEY);
        // but it names no type: node(id:) does not take it
        assertThat(GlobalId.parse(KEY.toString())).isEmpty();
    }

    @Test
    void oneObjectHasOneIdTheUpperCaseSpellingOfAUuidKeyIsNotFound() {
        String upper = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Doctor:" + KEY.toString().toUpperCase()).getBytes(StandardCharsets.UTF_8));

        assertThat(GlobalId.parse(upper)).isEmpty();
        assertThatThrownBy(() -> GlobalId.keyExpecting("Doctor", upper))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
        assertThatThrownBy(() -> GlobalId.uuidExpectingOrLegacyUuid("Doctor", upper))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
        // codes keep their case: a specialty's key is upper case
        assertThat(GlobalId.keyExpecting("Specialty", GlobalId.encode("Specialty", "CARDIOLOGIA"))).isEqualTo("CARDIOLOGIA");
        // the bare legacy UUID is taken in either case and passed on in lower case
        assertThat(GlobalId.keyExpectingOrLegacyUuid("Doctor", KEY.toString().toUpperCase())).isEqualTo(KEY.toString());
    }
}
