package br.com.healthmed.identity;

import org.springframework.stereotype.Service;

/**
 * Asking for a new e-mail verification code without a session (the patient registered but the code
 * was lost, expired, or never arrived; an unverified patient cannot log in to ask for one). The answer is
 * the same whether or not the address has an unverified patient account: the request is counted, like a
 * password-reset request, against the address typed and the network (every request, so nobody's inbox
 * can be flooded and the limit answers alike for every address), and the look-up and the send happen
 * after the answer ({@link RegistrationQueue}). {@code INVALID_EMAIL} depends on the input alone, and
 * {@code SERVICE_BUSY} (a full queue) on no account either.
 */
@Service
public class VerificationCodeRequests {

    private final LoginThrottle throttle;
    private final EmailVerification verification;
    private final RegistrationQueue queue;

    VerificationCodeRequests(LoginThrottle throttle, EmailVerification verification, RegistrationQueue queue) {
        this.throttle = throttle;
        this.verification = verification;
        this.queue = queue;
    }

    public void request(String typedEmail, String clientAddress) {
        Email email = Email.parse(typedEmail, "email");
        throttle.attempt(LoginThrottle.Check.VERIFICATION_CODE_REQUEST, email.value(), clientAddress);
        throttle.failed(LoginThrottle.Check.VERIFICATION_CODE_REQUEST, email.value(), clientAddress);
        queue.submit(() -> verification.resendByAddress(email, clientAddress));
    }
}
