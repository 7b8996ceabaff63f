package br.com.healthmed.platform.security;

/**
 * This instance does not know yet which sessions were revoked (it has just started and storage has not
 * answered the first read), so it cannot tell whether an access token's session has ended: it accepts
 * none. Answered {@code SERVICE_BUSY} with {@code retryAfterSeconds}: another instance, or this one a
 * moment later, will take the request. Readiness is DOWN meanwhile, so a load balancer sends nothing.
 */
public class RevocationsNotKnownException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 1;
    /**
     * Set (to {@code true}) in a graphql-ws session's attributes when its {@code connection_init} was
     * refused for this reason, so the connection is closed as "try again later", not as "unauthorized".
     */
    public static final String REFUSED_SESSION_ATTRIBUTE = RevocationsNotKnownException.class.getName() + ".refused";

    public RevocationsNotKnownException() {
        super("revoked sessions not read yet", null, false, false);
    }
}
