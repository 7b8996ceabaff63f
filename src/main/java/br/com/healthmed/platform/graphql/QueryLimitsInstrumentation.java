package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
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
import graphql.validation.ValidationError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Refuses, before the document is even validated, an operation nested deeper than {@code maxDepth} or
 * selecting more than {@code maxFields} fields, or more than {@code maxSelections} selections once its
 * fragments are expanded. Aliases count ({@code a1: login(...) a2: login(...)}
 * is two), and so does every spread of a fragment: a fragment used three times counts three times.
 * Introspection ({@code __schema}, {@code __type}) counts like any other field; only {@code __typename}
 * is free. And at most one root field marked {@code @exclusive} in the schema (the password-checking
 * mutations) per operation.
 *
 * <p>It walks the document itself rather than using graphql-java's {@code QueryTraverser}, which
 * enters a fragment only at its first spread (graphql-java issue #1695) and so undercounts repeated
 * fragments. Each fragment is measured once and its size (and its count of exclusive fields) reused
 * at every spread, so the walk is linear in the document's size: a 739-byte document of fragments
 * spreading fragments ten times each, which expands to 10^8 fields, is refused after visiting a few
 * dozen selections. It runs before validation because graphql-java's validation rules also follow
 * spreads; once a document is known to be small when expanded, validating it is cheap.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private static final String EXCLUSIVE = "exclusive";

    private final Limits limits;

    QueryLimitsInstrumentation(Limits limits) {
        this.limits = limits;
    }

    /**
     * Runs right after parsing, before graphql-java validates the document: validation itself walks
     * fragment spreads, so a document must be known to be small, once expanded, before it is validated.
     * Every operation in the document is measured (an unused one too), each fragment once.
     */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        check(parameters.getDocument(), parameters.getSchema());
        return super.beginValidation(parameters, state);
    }

    /**
     * Refuses the document with a coded error unless it is within the limits: at most
     * {@code maxFragments} fragment definitions, each name defined once (graphql-java's validation
     * follows every definition, used or not, and its cycle check grows with the cube of a chain's
     * length), each operation within the depth, field and exclusive-field limits, and all operations
     * together within {@code maxSelections} (validation walks each of them).
     */
    void check(Document document, GraphQLSchema schema) {
        Measurer measurer = new Measurer(fragmentsOf(document));
        long selections = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            int exclusive = measurer.exclusiveRootFields(operation.getSelectionSet(), rootType(schema, operation));
            if (exclusive > 1) {
                throw abort(PlatformErrors.QUERY_TOO_COMPLEX, "An operation may select only one field that checks a password "
                        + "(registration or login); this one selects " + exclusive + ".");
            }
            Size size = measurer.measure(operation.getSelectionSet());
            if (size.depth() > limits.maxDepth()) {
                throw abort(PlatformErrors.QUERY_TOO_DEEP,
                        "Query depth " + size.depth() + " exceeds the limit of " + limits.maxDepth() + ".");
            }
            if (size.fields() > limits.maxFields()) {
                throw abort(PlatformErrors.QUERY_TOO_COMPLEX,
                        "Query selects " + size.fields() + " fields, more than the limit of " + limits.maxFields() + ".");
            }
            selections = Size.saturatedAdd(selections, size.selections());
            if (selections > limits.maxSelections()) {
                throw abort(PlatformErrors.QUERY_TOO_COMPLEX, "The document has more than " + limits.maxSelections()
                        + " selections once its fragments are expanded.");
            }
        }
    }

    /** How many selections the walk of {@code document} visits: a measure of its cost, for tests. */
    static long walkSteps(Document document, GraphQLSchema schema) {
        Measurer measurer = new Measurer(new QueryLimitsInstrumentation(new Limits(15, 300, 1000, Integer.MAX_VALUE))
                .fragmentsOf(document));
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            measurer.exclusiveRootFields(operation.getSelectionSet(), rootType(schema, operation));
            measurer.measure(operation.getSelectionSet());
        }
        return measurer.steps;
    }

    private Map<String, FragmentDefinition> fragmentsOf(Document document) {
        List<FragmentDefinition> definitions = document.getDefinitionsOfType(FragmentDefinition.class);
        if (definitions.size() > limits.maxFragments()) {
            throw abort(PlatformErrors.QUERY_TOO_COMPLEX, "The document defines " + definitions.size()
                    + " fragments, more than the limit of " + limits.maxFragments() + ".");
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition fragment : definitions) {
            if (fragments.putIfAbsent(fragment.getName(), fragment) != null) {
                throw abort(PlatformErrors.GRAPHQL_VALIDATION_FAILED,
                        "Fragment " + shortened(fragment.getName()) + " is defined more than once.");
            }
        }
        return fragments;
    }

    /** A name as an error message may echo it: at most 40 characters. */
    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static GraphQLObjectType rootType(GraphQLSchema schema, OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /** Ends graphql-java's work with one error carrying {@code code}; also the request budget's way out. */
    static AbortExecutionException abort(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(code.errorType())
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }

    /**
     * How many fields a selection set selects, how deep it nests (a leaf field is depth 1), and how many
     * selections it has once fragments are expanded (fields, {@code __typename}, spreads, inline fragments).
     */
    private record Size(long fields, int depth, long selections) {
        static final Size EMPTY = new Size(0, 0, 0);

        /** Side by side in one selection set: fields and selections add up, the deeper one counts. */
        Size beside(Size other) {
            return new Size(saturatedAdd(fields, other.fields), Math.max(depth, other.depth),
                    saturatedAdd(selections, other.selections));
        }

        /** A field with this as its sub-selection. */
        Size underAField() {
            return new Size(saturatedAdd(fields, 1), depth + 1, saturatedAdd(selections, 1));
        }

        /** One more selection that is not a field that loads anything (a spread, {@code __typename}). */
        Size plusASelection() {
            return new Size(fields, depth, saturatedAdd(selections, 1));
        }

        static long saturatedAdd(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Size> measuredFragments = new HashMap<>();
        private final Map<String, Integer> exclusiveFragments = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private long steps;

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        /**
         * How many root fields (through fragments too) are marked {@code @exclusive} in the schema.
         * A fragment spread at the root is counted once and its count reused at every further spread:
         * without that, fragments spreading fragments ten times each cost 10^depth steps.
         */
        int exclusiveRootFields(SelectionSet selectionSet, GraphQLObjectType rootType) {
            int count = 0;
            for (Selection<?> selection : selectionSet == null ? List.<Selection<?>>of() : selectionSet.getSelections()) {
                steps++;
                if (selection instanceof Field field) {
                    GraphQLFieldDefinition definition = rootType == null ? null : rootType.getFieldDefinition(field.getName());
                    count += definition != null && definition.hasAppliedDirective(EXCLUSIVE) ? 1 : 0;
                } else if (selection instanceof InlineFragment inline) {
                    count += exclusiveRootFields(inline.getSelectionSet(), rootType);
                } else if (selection instanceof FragmentSpread spread) {
                    count = saturatedAdd(count, exclusiveInFragment(spread.getName(), rootType));
                }
            }
            return count;
        }

        private int exclusiveInFragment(String name, GraphQLObjectType rootType) {
            Integer known = exclusiveFragments.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !inProgress.add(name)) {
                return 0;
            }
            int count = exclusiveRootFields(definition.getSelectionSet(), rootType);
            inProgress.remove(name);
            exclusiveFragments.put(name, count);
            return count;
        }

        private static int saturatedAdd(int a, int b) {
            long sum = (long) a + b;
            return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
        }

        Size measure(SelectionSet selectionSet) {
            Size size = Size.EMPTY;
            if (selectionSet == null) {
                return size;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                steps++;
                size = size.beside(measure(selection));
            }
            return size;
        }

        private Size measure(Selection<?> selection) {
            if (selection instanceof Field field) {
                // __typename loads nothing: not a field, but a selection; introspection counts like any field.
                return field.getName().equals("__typename") ? Size.EMPTY.plusASelection()
                        : measure(field.getSelectionSet()).underAField();
            }
            if (selection instanceof InlineFragment inline) {
                return measure(inline.getSelectionSet()).plusASelection();
            }
            if (selection instanceof FragmentSpread spread) {
                return fragment(spread.getName()).plusASelection();
            }
            return Size.EMPTY;
        }

        private Size fragment(String name) {
            Size known = measuredFragments.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            // This runs before validation: an unknown fragment counts as empty (validation refuses it
            // next), and a fragment spread inside itself is not followed again (validation refuses the cycle).
            if (definition == null || !inProgress.add(name)) {
                return Size.EMPTY;
            }
            Size size = measure(definition.getSelectionSet());
            inProgress.remove(name);
            measuredFragments.put(name, size);
            return size;
        }
    }

    /**
     * {@code healthmed.graphql.max-depth}, {@code max-fields}, {@code max-selections} (fields,
     * {@code __typename}s, spreads and inline fragments once fragments are expanded, all operations of
     * the document together) and {@code max-fragments} (fragment definitions in one document).
     */
    @ConfigurationProperties("healthmed.graphql")
    record Limits(@DefaultValue("15") int maxDepth, @DefaultValue("300") int maxFields,
                  @DefaultValue("1000") int maxSelections, @DefaultValue("100") int maxFragments) {}
}
