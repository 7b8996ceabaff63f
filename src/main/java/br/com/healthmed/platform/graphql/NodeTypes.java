package br.com.healthmed.platform.graphql;

import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The wiring of Relay's {@code Node}: global ids in and out of every field ({@link GlobalIdTypeVisitor}),
 * and the type resolver that names an object's {@code Node} type from the classes the
 * {@link NodeResolver}s declare (a class name would not do: a {@code PatientSummary} is a {@code Patient}).
 */
@Configuration(proxyBeanMethods = false)
class NodeTypes {

    @Bean
    GraphQlSourceBuilderCustomizer globalIds() {
        return builder -> builder.typeVisitors(List.of(new GlobalIdTypeVisitor()));
    }

    @Bean
    RuntimeWiringConfigurer nodeTypeResolver(ObjectProvider<NodeResolver> resolvers) {
        return wiring -> wiring.type(GlobalIdTypeVisitor.NODE, type -> type.typeResolver(env -> {
            Object object = env.getObject();
            return resolvers.orderedStream()
                    .filter(resolver -> resolver.javaTypes().stream().anyMatch(javaType -> javaType.isInstance(object)))
                    .findFirst()
                    .map(resolver -> (GraphQLObjectType) env.getSchema().getType(resolver.typeName()))
                    .orElse(null);
        }));
    }
}
