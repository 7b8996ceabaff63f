package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.web.ClientAddress;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What a {@code @GraphQlTest} slice needs from the platform for the schema to load and errors to
 * look as in production: the extended scalars, the one exception-to-error mapping and the settings of the instrumentations the slice includes. Public here
 * because those configurations are internal to platform.graphql.
 *
 * <p>A slice runs operations without the web layer, so neither the security filter chain nor
 * platform.web's interceptors run. The caller comes from Spring Security's test support instead:
 * {@code @WithAnonymousUser} on the class, as the filter chain makes one of a request without a token
 * (with no authentication at all, {@code @AuthenticationPrincipal} fails as {@code INTERNAL_ERROR}), and
 * {@code platform.security.AsCaller} on a test that has a caller. The context value those interceptors
 * add that controllers require, the {@link ClientAddress}, is {@link #CLIENT_ADDRESS}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ScalarsConfig.class, GraphQlErrors.class, NodeTypes.class})
// the slice picks up the instrumentations (query limits, request budget) but not the property scan that binds their settings
@EnableConfigurationProperties({QueryLimitsInstrumentation.Limits.class, RequestBudgetInstrumentation.Budget.class, ExecutionLimits.class})
public class GraphQlSlice {

    /** Where every operation of a slice comes from (an address of TEST-NET-1, RFC 5737). */
    public static final ClientAddress CLIENT_ADDRESS = new ClientAddress("192.0.2.10");

    /** Stands in for {@code ClientAddressInterceptor}, a web interceptor, which a slice's tester bypasses. */
    @Bean
    Instrumentation sliceClientAddress() {
        return new SimplePerformantInstrumentation() {
            @Override
            public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                           InstrumentationState state) {
                GraphQLContext context = input.getGraphQLContext();
                if (!context.hasKey(ClientAddress.CONTEXT_KEY)) {
                    context.put(ClientAddress.CONTEXT_KEY, CLIENT_ADDRESS);
                }
                return input;
            }
        };
    }

    /** The one error of a response, failing the test if there is none or more than one. */
    public static ResponseError onlyError(GraphQlTester.Response response) {
        ResponseError[] only = new ResponseError[1];
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            only[0] = errors.get(0);
        });
        return only[0];
    }
}
