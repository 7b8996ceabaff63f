package br.com.healthmed.platform.graphql;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @GraphQlTest} slice needs from the platform for the schema to load and errors to
 * look as in production: the extended scalars, the one exception-to-error mapping and the settings of the instrumentations the slice includes. Public here
 * because those configurations are internal to platform.graphql.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ScalarsConfig.class, GraphQlErrors.class})
// the slice picks up the instrumentations (query limits, request budget) but not the property scan that binds their settings
@EnableConfigurationProperties({QueryLimitsInstrumentation.Limits.class, RequestBudgetInstrumentation.Budget.class})
public class GraphQlSlice {
}
