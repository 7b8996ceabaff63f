package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.Role;

/** The authenticated caller an operation needs, in the role it needs. */
final class Callers {

    private Callers() {}

    static AccountId doctor(Caller caller) {
        return as(caller, Role.DOCTOR, "Only doctors can do this.");
    }

    static AccountId patient(Caller caller) {
        return as(caller, Role.PATIENT, "Only patients can do this.");
    }

    static AccountId any(Caller caller) {
        return AccountId.of(Caller.required(caller).accountId());
    }

    private static AccountId as(Caller caller, Role role, String message) {
        if (Caller.required(caller).role() != role) {
            throw new DomainException(PlatformErrors.WRONG_ROLE, message);
        }
        return AccountId.of(caller.accountId());
    }
}
