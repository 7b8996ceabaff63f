package br.com.healthmed.platform.security;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;

/**
 * The one role policy, applied by every controller before it calls a service: an operation meant for the
 * other kind of account answers {@code WRONG_ROLE} (a role gate says nothing about any object, only what the
 * caller's own token already says), no caller at all {@code UNAUTHENTICATED}. Whether an object exists for
 * the caller is a separate rule, kept by the services: what the caller may not see is {@code NOT_FOUND}.
 */
public final class RoleGate {

    private RoleGate() {}

    /** The account id of a doctor's token; {@code WRONG_ROLE} for a patient's. */
    public static String doctor(Caller caller) {
        return as(caller, Role.DOCTOR, "Only doctors can do this.");
    }

    /** The account id of a patient's token; {@code WRONG_ROLE} for a doctor's. */
    public static String patient(Caller caller) {
        return as(caller, Role.PATIENT, "Only patients can do this.");
    }

    /** The account id of any authenticated caller. */
    public static String any(Caller caller) {
        return Caller.required(caller).accountId();
    }

    private static String as(Caller caller, Role role, String message) {
        Caller known = Caller.required(caller);
        if (known.role() != role) {
            throw new DomainException(PlatformErrors.WRONG_ROLE, message);
        }
        return known.accountId();
    }
}
