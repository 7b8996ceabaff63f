package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The identity module's keys are stored in DynamoDB: these strings must never change. */
class IdentityKeyShapesTest {

    private static final String ID = "0f8e1c2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void everyShapeIsPinned() {
        assertThat(shown(AccountKeys.account(ID))).isEqualTo("ACCOUNT#" + ID + " / PROFILE");
        assertThat(shown(AccountKeys.loginClaim("EMAIL", "ana@x.com"))).isEqualTo("LOGIN#EMAIL#ana@x.com / CLAIM");
        assertThat(shown(AccountKeys.refreshToken("ab12"))).isEqualTo("REFRESH#ab12 / TOKEN");
        assertThat(shown(AccountKeys.tokenFamily(ID))).isEqualTo("SESSION#" + ID + " / FAMILY");
        assertThat(AccountKeys.accountSessions(ID)).isEqualTo("SESSIONS#" + ID);
        assertThat(AccountKeys.revokedSessionsHour("2026-12-02T01")).isEqualTo("REVOKED#2026-12-02T01");
        assertThat(shown(AccountKeys.oneTimeTicket("ab12"))).isEqualTo("TICKET#ab12 / TICKET");
        assertThat(shown(AccountKeys.twoFactor(ID))).isEqualTo("ACCOUNT#" + ID + " / TOTP");
        assertThat(IdentityKeys.securityLog(ID)).isEqualTo("SECLOG#" + ID);
        assertThat(shown(IdentityKeys.securityEvent(ID, "p"))).isEqualTo("SECLOG#" + ID + " / p");
        assertThat(shown(IdentityKeys.emailCode(ID, "VERIFY_EMAIL"))).isEqualTo("EMAILCODE#" + ID + " / VERIFY_EMAIL");
    }

    @Test
    void anAccountIdIsReadBackFromItsKeyOnly() {
        assertThat(AccountKeys.accountIdOf(AccountKeys.account(ID).get("PK").s())).isEqualTo(ID);
        assertThatThrownBy(() -> AccountKeys.accountIdOf("SESSION#" + ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
