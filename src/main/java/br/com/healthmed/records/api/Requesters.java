package br.com.healthmed.records.api;

import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.Requester;

/** The requester of an operation on a record object by id: anyone, even anonymous. */
final class Requesters {

    private Requesters() {}

    /** Operations on ids answer NOT_FOUND to whoever may not see the object, whatever their role. */
    static Requester of(Caller caller, ClientAddress address) {
        return Requester.of(caller, address == null ? ClientAddress.UNKNOWN.value() : address.value());
    }
}
