package br.com.healthmed.privacy.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The privacy module's keys are stored in DynamoDB: these strings must never change. */
class PrivacyKeyShapesTest {

    private static final String ID = "e0000000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void everyShapeIsPinned() {
        assertThat(shown(PrivacyKeys.exportRunning(ID))).isEqualTo("DATAEXPORTS#" + ID + " / RUNNING");
        assertThat(shown(PrivacyKeys.export(ID))).isEqualTo("DATAEXPORT#" + ID + " / EXPORT");
        assertThat(shown(PrivacyKeys.accountState(ID))).isEqualTo("INATIVACAO#" + ID + " / STATE");
        assertThat(shown(PrivacyKeys.deactivationRecord(ID, "r", 2, "GRANTS"))).isEqualTo("INATIVACAO#" + ID + " / LOG#r#2#GRANTS");
        assertThat(PrivacyKeys.position(Instant.parse("2026-12-01T14:00:00Z"), "x")).isEqualTo("2026-12-01T14:00:00.000000000Z#x");
        assertThat(PrivacyKeys.EXPORTS_PENDING).isEqualTo("DATAEXPORTS#PENDING");
        assertThat(PrivacyKeys.EXPORTS_STORED).isEqualTo("DATAEXPORTS#STORED");
        assertThat(PrivacyKeys.CASCADES_PENDING).isEqualTo("INATIVACAO#CASCADE");
        assertThat(PrivacyKeys.IN_GRACE).isEqualTo("INATIVACAO#GRACE");
    }

    @Test
    void anExportIdIsReadBackFromItsKeyOnly() {
        assertThat(PrivacyKeys.exportIdOf(PrivacyKeys.export(ID).get("PK").s())).isEqualTo(ID);
        assertThatThrownBy(() -> PrivacyKeys.exportIdOf("DATAEXPORTS#" + ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
