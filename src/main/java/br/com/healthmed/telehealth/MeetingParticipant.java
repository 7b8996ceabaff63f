package br.com.healthmed.telehealth;

import br.com.healthmed.identity.AccountId;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/** Who joins a room: the doctor joins as moderator, the patient as a guest. */
@NamedInterface("api")
public record MeetingParticipant(AccountId accountId, String displayName, boolean moderator) {

    public MeetingParticipant {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(displayName);
    }
}
