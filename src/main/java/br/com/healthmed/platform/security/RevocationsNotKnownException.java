package br.com.healthmed.platform.security;

/**
 * This instance does not know yet which sessions were revoked (it has just started and storage has not
 * answered the first read), so it cannot tell whether an access token's session has ended: it accepts
 * none. Answered {@code SERVICE_BUSY} with {@code retryAfterSeconds}: another instance, or this one a
 * moment later, will take the request. Readiness is DOWN meanwhile, so a load balancer sends nothing.
 */
public class RevocationsNotKnownException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 1;

    public RevocationsNotKnownException() {
        super("revoked sessions not read yet", null, false, false);
    }
}
