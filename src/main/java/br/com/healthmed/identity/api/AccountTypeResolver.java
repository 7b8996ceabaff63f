package br.com.healthmed.identity.api;

import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.identity.PatientSummary;
import graphql.schema.GraphQLObjectType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Tells GraphQL which object type an {@code Account} (a PatientSummary or DoctorSummary) and a {@code LoginResult} are. */
@Configuration(proxyBeanMethods = false)
class AccountTypeResolver {

    @Bean
    RuntimeWiringConfigurer accountTypes() {
        return wiring -> wiring.type("Account", type -> type.typeResolver(env -> {
            Object account = env.getObject();
            String name = account instanceof PatientSummary ? "Patient" : account instanceof DoctorSummary ? "Doctor" : null;
            return name == null ? null : (GraphQLObjectType) env.getSchema().getType(name);
        }));
    }

    @Bean
    RuntimeWiringConfigurer loginResultTypes() {
        return wiring -> wiring.type("LoginResult", type -> type.typeResolver(env -> (GraphQLObjectType) env.getSchema()
                .getType(env.getObject() instanceof SecondFactorRequired ? "SecondFactorRequired" : "AuthPayload")));
    }
}
