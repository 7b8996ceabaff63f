package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.PlatformErrors;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import graphql.ExecutionResult;

/**
 * What the HTTP endpoint needs to know of the operation a request runs, known only once graphql-java
 * has chosen it (after a persisted query's document is found, after {@code operationName} picks one of
 * several): its kind and its root fields, recorded in the request's {@link GraphQLContext} for
 * {@link GraphQlHttpEndpoint}'s status and {@code Cache-Control}. And the GET rule of GraphQL over
 * HTTP: a request that came with GET runs only a query; a mutation (or a subscription) is refused here,
 * before any of its fields runs.
 */
@Component
class HttpOperationPolicy extends SimplePerformantInstrumentation {

    /** Context key: the HTTP method the request came with ({@code "GET"} or {@code "POST"}); absent over WebSocket. */
    static final String METHOD = HttpOperationPolicy.class.getName() + ".method";
    /** Context key: the {@link OperationDefinition.Operation} that ran. */
    static final String OPERATION = HttpOperationPolicy.class.getName() + ".operation";
    /** Context key: the names of the operation's root fields ({@code Set<String>}). */
    static final String ROOT_FIELDS = HttpOperationPolicy.class.getName() + ".rootFields";
    /** Context key: {@code true} when a GET was refused for not being a query. */
    static final String REFUSED_GET = HttpOperationPolicy.class.getName() + ".refusedGet";

    static final String GET_REFUSAL = "GET runs queries only: send mutations with POST (and subscriptions over WebSocket).";

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        GraphQLContext context = execution.getGraphQLContext();
        OperationDefinition operation = execution.getOperationDefinition();
        context.put(OPERATION, operation.getOperation());
        context.put(ROOT_FIELDS, rootFields(operation.getSelectionSet(), execution.getFragmentsByName(),
                new LinkedHashSet<>(), new HashSet<>()));
        if ("GET".equals(context.get(METHOD)) && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            context.put(REFUSED_GET, true);
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(PlatformErrors.MALFORMED_REQUEST.errorType())
                    .message(GET_REFUSAL)
                    .extensions(Map.of("code", PlatformErrors.MALFORMED_REQUEST.name()))
                    .build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The root fields' names, through fragments (conditional ones too: the list only decides caching). */
    private static Set<String> rootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                          Set<String> names, Set<String> visited) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                names.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                rootFields(inline.getSelectionSet(), fragments, names, visited);
            } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) { // each fragment once
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    rootFields(fragment.getSelectionSet(), fragments, names, visited);
                }
            }
        }
        return names;
    }
}
