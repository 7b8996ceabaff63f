package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * The port through which a password-reset e-mail leaves this module; the notifications module
 * implements it (identity does not depend on notifications). The token is the e-mail's only secret.
 */
@NamedInterface("api")
public interface PasswordResetMessages {

    /** Sends the e-mail now; throws if the mail service did not take it. */
    void sendPasswordReset(PasswordResetMail mail);

    /** To whom, with which token, valid until when. */
    record PasswordResetMail(Email to, String name, String token, Instant expiresAt) {

        public PasswordResetMail {
            Objects.requireNonNull(to);
            Objects.requireNonNull(name);
            Objects.requireNonNull(token);
            Objects.requireNonNull(expiresAt);
        }

        /** Nothing of the content: the address is personal data and the token a secret. */
        @Override
        public String toString() {
            return "PasswordResetMail[expiresAt=" + expiresAt + "]";
        }
    }
}
