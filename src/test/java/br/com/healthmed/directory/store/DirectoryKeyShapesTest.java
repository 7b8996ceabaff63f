package br.com.healthmed.directory.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The directory's keys are stored in DynamoDB: these strings must never change. */
class DirectoryKeyShapesTest {

    private static final String ID = "d0c70000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void everyShapeIsPinned() {
        assertThat(shown(DirectoryKeys.doctorProfile(ID))).isEqualTo("DIRECTORY#" + ID + " / PROFILE");
        assertThat(DirectoryKeys.pendingListings("d")).isEqualTo("DIRECTORY#PENDING#d");
        assertThat(shown(DirectoryKeys.doctorListing(ID, "CARDIOLOGIA"))).isEqualTo("DIRECTORY#" + ID + " / LISTING#CARDIOLOGIA");
        assertThat(DirectoryKeys.doctorGeoPartition("CARDIOLOGIA", "6gyf")).isEqualTo("DOCGEO#CARDIOLOGIA#6gyf");
        assertThat(DirectoryKeys.doctorGeoSort("6gyf4bf1n", ID)).isEqualTo("6gyf4bf1n#" + ID);
    }

    @Test
    void aDoctorIdIsReadBackFromItsKeyOnly() {
        assertThat(DirectoryKeys.doctorIdOf(DirectoryKeys.doctorListing(ID, "*").get("PK").s())).isEqualTo(ID);
        assertThatThrownBy(() -> DirectoryKeys.doctorIdOf("DOCGEO#CARDIOLOGIA#6gyf")).isInstanceOf(IllegalArgumentException.class);
    }
}
