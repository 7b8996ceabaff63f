package br.com.healthmed.privacy.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.graphql.NodeResolver;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.privacy.DataExport;
import br.com.healthmed.privacy.DataExports;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code node(id:)} for a copy of the caller's data: as {@code dataExport(id:)}, the caller's own only. */
@Configuration(proxyBeanMethods = false)
class DataExportNodes {

    @Bean
    NodeResolver dataExportNodeResolver(DataExports exports) {
        return NodeResolver.oneAtATime("DataExport", DataExport.class, (key, caller, request) ->
                Optional.of(exports.visibleTo(AccountId.of(Caller.required(caller).accountId()), UUID.fromString(key))));
    }
}
