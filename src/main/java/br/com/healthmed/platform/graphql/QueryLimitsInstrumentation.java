package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import graphql.ExecutionResult;
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
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Refuses, before anything runs, an operation nested deeper than {@code maxDepth} or selecting more
 * than {@code maxFields} fields. Aliases count ({@code a1: login(...) a2: login(...)} is two), and so
 * does every spread of a fragment: a fragment used three times counts three times. The introspection
 * subtrees under {@code __schema} and {@code __type} are not counted, so tools such as GraphiQL can
 * load the schema; graphql-java's own good-faith introspection checks bound those. And at most one
 * root field marked {@code @exclusive} in the schema (the password-checking mutations) per operation.
 *
 * <p>It walks the document itself rather than using graphql-java's {@code QueryTraverser}, which
 * enters a fragment only at its first spread (graphql-java issue #1695) and so undercounts repeated
 * fragments. Each fragment is measured once and its size reused at every spread, so a document of
 * nested fragments cannot make the measuring itself expensive.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private static final String EXCLUSIVE = "exclusive";

    private final Limits limits;

    QueryLimitsInstrumentation(Limits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        OperationDefinition operation = context.getOperationDefinition();
        Measurer measurer = new Measurer(context.getFragmentsByName());
        int exclusive = measurer.exclusiveRootFields(operation.getSelectionSet(), rootType(context.getGraphQLSchema(), operation));
        if (exclusive > 1) {
            throw abort(ErrorCode.QUERY_TOO_COMPLEX, "An operation may select only one field that checks a password "
                    + "(registration or login); this one selects " + exclusive + ".");
        }
        Size size = measurer.measure(operation.getSelectionSet());
        if (size.depth() > limits.maxDepth()) {
            throw abort(ErrorCode.QUERY_TOO_DEEP,
                    "Query depth " + size.depth() + " exceeds the limit of " + limits.maxDepth() + ".");
        }
        if (size.fields() > limits.maxFields()) {
            throw abort(ErrorCode.QUERY_TOO_COMPLEX,
                    "Query selects " + size.fields() + " fields, more than the limit of " + limits.maxFields() + ".");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static GraphQLObjectType rootType(GraphQLSchema schema, OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    private static AbortExecutionException abort(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(code.errorType())
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }

    /** How many fields a selection set selects, and how deep it nests (a leaf field is depth 1). */
    private record Size(long fields, int depth) {
        static final Size EMPTY = new Size(0, 0);

        /** Side by side in one selection set: fields add up, the deeper one counts. */
        Size beside(Size other) {
            return new Size(saturatedAdd(fields, other.fields), Math.max(depth, other.depth));
        }

        /** A field with this as its sub-selection. */
        Size underAField() {
            return new Size(saturatedAdd(fields, 1), depth + 1);
        }

        private static long saturatedAdd(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Size> measuredFragments = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        /** How many root fields (through fragments too) are marked {@code @exclusive} in the schema. */
        int exclusiveRootFields(SelectionSet selectionSet, GraphQLObjectType rootType) {
            int count = 0;
            for (Selection<?> selection : selectionSet == null ? List.<Selection<?>>of() : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    GraphQLFieldDefinition definition = rootType == null ? null : rootType.getFieldDefinition(field.getName());
                    count += definition != null && definition.hasAppliedDirective(EXCLUSIVE) ? 1 : 0;
                } else if (selection instanceof InlineFragment inline) {
                    count += exclusiveRootFields(inline.getSelectionSet(), rootType);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                        && inProgress.add(spread.getName())) {
                    count += exclusiveRootFields(fragments.get(spread.getName()).getSelectionSet(), rootType);
                    inProgress.remove(spread.getName());
                }
            }
            return count;
        }

        Size measure(SelectionSet selectionSet) {
            Size size = Size.EMPTY;
            if (selectionSet == null) {
                return size;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                size = size.beside(measure(selection));
            }
            return size;
        }

        private Size measure(Selection<?> selection) {
            if (selection instanceof Field field) {
                // __typename is free; __schema and __type are introspection, bounded elsewhere.
                return field.getName().startsWith("__") ? Size.EMPTY : measure(field.getSelectionSet()).underAField();
            }
            if (selection instanceof InlineFragment inline) {
                return measure(inline.getSelectionSet());
            }
            if (selection instanceof FragmentSpread spread) {
                return fragment(spread.getName());
            }
            return Size.EMPTY;
        }

        private Size fragment(String name) {
            Size known = measuredFragments.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            // Validation has already refused unknown and cyclic fragments; this only guards the walk.
            if (definition == null || !inProgress.add(name)) {
                return Size.EMPTY;
            }
            Size size = measure(definition.getSelectionSet());
            inProgress.remove(name);
            measuredFragments.put(name, size);
            return size;
        }
    }

    /** {@code healthmed.graphql.max-depth} and {@code max-fields}. */
    @ConfigurationProperties("healthmed.graphql")
    record Limits(@DefaultValue("12") int maxDepth, @DefaultValue("300") int maxFields) {}
}
