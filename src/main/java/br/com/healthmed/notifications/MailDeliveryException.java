package br.com.healthmed.notifications;

import org.jspecify.annotations.Nullable;

/**
 * The mail service did not take a message. {@link #permanent()}: sending it again cannot succeed (a
 * refused address, a rejected message); otherwise (throttling, a service failure, a timeout) a later
 * attempt may. The message never contains the recipient's address or the e-mail's content.
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent, @Nullable Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static MailDeliveryException permanent(String message, @Nullable Throwable cause) {
        return new MailDeliveryException(message, true, cause);
    }

    public static MailDeliveryException transientFailure(String message, Throwable cause) {
        return new MailDeliveryException(message, false, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}
