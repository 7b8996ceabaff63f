package br.com.healthmed.specialty.api;

import br.com.healthmed.platform.graphql.NodeResolver;
import br.com.healthmed.specialty.Specialty;
import br.com.healthmed.specialty.SpecialtyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code node(id:)} for specialties: public, like {@code specialties}, from the same catalogue. */
@Configuration(proxyBeanMethods = false)
class SpecialtyNodes {

    @Bean
    NodeResolver specialtyNodeResolver(SpecialtyCatalog catalog) {
        return NodeResolver.oneAtATime("Specialty", Specialty.class, (code, caller, request) -> catalog.byCode(code));
    }
}
