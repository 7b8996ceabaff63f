package br.com.healthmed.records.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.Requester;

/** The caller as each operation needs it. A caller of the wrong role learns nothing: NOT_FOUND. */
final class Callers {

    private Callers() {}

    static AccountId patient(Caller caller) {
        return of(caller, Role.PATIENT, "Health record");
    }

    static AccountId doctor(Caller caller) {
        return of(caller, Role.DOCTOR, "Shared records");
    }

    /** Anyone, even anonymous: operations on ids answer NOT_FOUND to whoever may not see them. */
    static Requester requester(Caller caller, ClientAddress address) {
        return Requester.of(caller, address == null ? ClientAddress.UNKNOWN.value() : address.value());
    }

    private static AccountId of(Caller caller, Role role, String what) {
        Caller known = Caller.required(caller);
        if (known.role() != role) {
            throw DomainException.notFound(what);
        }
        return AccountId.of(known.accountId());
    }
}
