package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Refuses, before anything runs, an operation nested deeper than {@code maxDepth} or selecting more
 * than {@code maxFields} fields (aliases count: {@code a1: login(...) a2: login(...)} is two). The
 * introspection subtrees under {@code __schema} and {@code __type} are not counted, so tools such as
 * GraphiQL can load the schema; graphql-java's own good-faith introspection checks bound those.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final Limits limits;

    QueryLimitsInstrumentation(Limits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = new Measure();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(measure);
        if (measure.maxDepth > limits.maxDepth()) {
            throw abort(ErrorCode.QUERY_TOO_DEEP,
                    "Query depth " + measure.maxDepth + " exceeds the limit of " + limits.maxDepth() + ".");
        }
        if (measure.fields > limits.maxFields()) {
            throw abort(ErrorCode.QUERY_TOO_COMPLEX,
                    "Query selects " + measure.fields + " fields, more than the limit of " + limits.maxFields() + ".");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static AbortExecutionException abort(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(code.errorType())
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }

    private static final class Measure extends QueryVisitorStub {
        int maxDepth;
        int fields;

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (env.isTypeNameIntrospectionField() || underIntrospection(env)) {
                return;
            }
            fields++;
            int depth = 0;
            for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
                depth++;
            }
            maxDepth = Math.max(maxDepth, depth);
        }

        private static boolean underIntrospection(QueryVisitorFieldEnvironment env) {
            for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
                if (e.getField().getName().startsWith("__")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code healthmed.graphql.max-depth} and {@code max-fields}. */
    @ConfigurationProperties("healthmed.graphql")
    record Limits(@DefaultValue("12") int maxDepth, @DefaultValue("300") int maxFields) {}
}
