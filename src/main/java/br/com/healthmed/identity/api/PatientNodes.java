package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.platform.graphql.NodeResolver;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code node(id:)} for patients: only the patient themself, as {@code me} (a patient met elsewhere, in an
 * appointment or a shared record, is read there, where its other fields are guarded field by field).
 */
@Configuration(proxyBeanMethods = false)
class PatientNodes {

    @Bean
    NodeResolver patientNodeResolver(AccountDirectory accounts) {
        return NodeResolver.oneAtATime("Patient", PatientSummary.class, (key, caller, request) ->
                caller == null || !caller.accountId().equals(key) ? Optional.empty()
                        : accounts.find(AccountId.of(key)).filter(PatientSummary.class::isInstance));
    }
}
