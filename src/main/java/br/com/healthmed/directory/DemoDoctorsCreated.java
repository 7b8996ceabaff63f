package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.List;

/**
 * Published (as a Spring application event) once the demo data's doctors exist, so other modules can
 * give them what a newcomer expects to explore: scheduling publishes their agendas.
 */
public record DemoDoctorsCreated(List<AccountId> doctorIds) {

    public DemoDoctorsCreated {
        doctorIds = List.copyOf(doctorIds);
    }
}
