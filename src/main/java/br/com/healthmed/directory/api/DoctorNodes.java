package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.graphql.NodeResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code node(id:)} for doctors: public, as {@code doctor(id:)}, through the same lookup (its profile primed). */
@Configuration(proxyBeanMethods = false)
class DoctorNodes {

    @Bean
    NodeResolver doctorNodeResolver(DoctorProfileService profiles) {
        return NodeResolver.oneAtATime("Doctor", DoctorSummary.class, (key, caller, request) ->
                DoctorViews.find(profiles, request.getDataLoader(DoctorView.class.getName()), AccountId.of(key)));
    }
}
