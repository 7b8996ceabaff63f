package br.com.healthmed.platform.graphql;

import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Makes ids global in one place instead of in every controller. It wraps the data fetchers of
 * <ul>
 * <li>the {@code id} field of every object type that implements {@code Node}, and every field marked
 *     {@code @globalId(type:)}: the key the controller returns (a UUID, a typed id, a code) goes out
 *     as the {@link GlobalId} of that type;
 * <li>every field with an argument, or an input field inside one, marked {@code @globalId(type:)}:
 *     the global id the client sent comes in as its key, a {@code UUID} (every object referred to by id is
 *     keyed by one), so controllers keep binding {@code UUID}s as before.
 *     An id of another type or no id at all is {@code NOT_FOUND}; a bare UUID (the form before
 *     global ids) is still taken as the key.
 * </ul>
 */
final class GlobalIdTypeVisitor extends GraphQLTypeVisitorStub {

    static final String DIRECTIVE = "globalId";
    static final String NODE = "Node";

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLObjectType parent)) {
            return TraversalControl.CONTINUE; // interfaces' fields have no fetchers of their own
        }
        GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        DataFetcher<?> fetcher = registry.getDataFetcher(parent, field);
        boolean decodes = field.getArguments().stream().anyMatch(argument -> carriesIds(argument, argument.getType()));
        if (decodes) {
            fetcher = decodingArguments(fetcher, field.getArguments());
        }
        Optional<String> encodedType = outputType(parent, field);
        if (encodedType.isPresent()) {
            fetcher = encodingResult(fetcher, encodedType.get());
        }
        if (decodes || encodedType.isPresent()) {
            registry.dataFetcher(parent, field, fetcher);
        }
        return TraversalControl.CONTINUE;
    }

    /** The type whose global ids this field answers: its own for a Node's {@code id}, else the directive's. */
    private static Optional<String> outputType(GraphQLObjectType parent, GraphQLFieldDefinition field) {
        boolean nodeId = field.getName().equals("id") && parent.getInterfaces().stream().anyMatch(type -> type.getName().equals(NODE));
        return nodeId ? Optional.of(parent.getName()) : typeOf(field);
    }

    static Optional<String> typeOf(GraphQLDirectiveContainer element) {
        GraphQLAppliedDirective directive = element.getAppliedDirective(DIRECTIVE);
        if (directive == null) {
            return Optional.empty();
        }
        GraphQLAppliedDirectiveArgument type = directive.getArgument("type");
        return Optional.ofNullable(type == null ? null : type.getValue());
    }

    private static boolean carriesIds(GraphQLDirectiveContainer element, GraphQLType type) {
        return typeOf(element).isPresent() || inputObject(type).map(GlobalIdTypeVisitor::carriesIds).orElse(false);
    }

    private static boolean carriesIds(GraphQLInputObjectType input) {
        return carriesIds(input, new java.util.HashSet<>());
    }

    private static boolean carriesIds(GraphQLInputObjectType input, java.util.Set<String> seen) {
        if (!seen.add(input.getName())) {
            return false;
        }
        return input.getFieldDefinitions().stream().anyMatch(field -> typeOf(field).isPresent()
                || inputObject(field.getType()).map(nested -> carriesIds(nested, seen)).orElse(false));
    }

    private static Optional<GraphQLInputObjectType> inputObject(GraphQLType type) {
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAllAs(type);
        return named instanceof GraphQLInputObjectType input ? Optional.of(input) : Optional.empty();
    }

    /** An argument that carries ids, with the type its own value names (empty for an input object that holds some). */
    private record IdArgument(String name, GraphQLInputType type, Optional<String> idType) {}

    private static DataFetcher<?> decodingArguments(DataFetcher<?> delegate, List<GraphQLArgument> arguments) {
        // Resolved once here, not on every call: the directives of a schema never change.
        List<IdArgument> carrying = arguments.stream().filter(argument -> carriesIds(argument, argument.getType()))
                .map(argument -> new IdArgument(argument.getName(), argument.getType(), typeOf(argument))).toList();
        return env -> {
            Map<String, Object> decoded = new LinkedHashMap<>(env.getArguments());
            for (IdArgument argument : carrying) {
                if (decoded.containsKey(argument.name())) {
                    decoded.put(argument.name(), decode(decoded.get(argument.name()), argument.type(), argument.idType()));
                }
            }
            DataFetchingEnvironment withKeys = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(decoded).build();
            return delegate.get(withKeys);
        };
    }

    /** {@code value} of {@code type} with every id it carries replaced by its key; {@code idType} when the value itself is one. */
    private static @Nullable Object decode(@Nullable Object value, GraphQLInputType type, Optional<String> idType) {
        if (value == null) {
            return null;
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list && value instanceof Collection<?> items) {
            List<@Nullable Object> each = new ArrayList<>(items.size());
            for (Object item : items) {
                each.add(decode(item, (GraphQLInputType) list.getWrappedType(), idType));
            }
            return each;
        }
        if (idType.isPresent() && value instanceof String id) {
            return GlobalId.uuidExpectingOrLegacyUuid(idType.get(), id);
        }
        if (unwrapped instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            Map<Object, @Nullable Object> decoded = new LinkedHashMap<>(fields);
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (decoded.containsKey(field.getName())) {
                    decoded.put(field.getName(), decode(decoded.get(field.getName()), field.getType(), typeOf(field)));
                }
            }
            return decoded;
        }
        return value;
    }

    /**
     * {@code delegate} with its result encoded. A light delegate (a property read, as nearly every {@code id}
     * is) stays light: graphql-java then builds no {@link DataFetchingEnvironment} for it and the metrics
     * record no observation, as for the property read before it was wrapped; there is one per object.
     */
    private static DataFetcher<?> encodingResult(DataFetcher<?> delegate, String typeName) {
        if (delegate instanceof LightDataFetcher<?> light) {
            return new LightDataFetcher<@Nullable Object>() {
                @Override
                public @Nullable Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
                        throws Exception {
                    return encode(light.get(field, source, env), typeName);
                }

                @Override
                public @Nullable Object get(DataFetchingEnvironment env) throws Exception {
                    return encode(light.get(env), typeName);
                }
            };
        }
        if (delegate instanceof TrivialDataFetcher<?>) {
            return (TrivialDataFetcher<@Nullable Object>) env -> encode(delegate.get(env), typeName);
        }
        return env -> encode(delegate.get(env), typeName);
    }

    /** The result of a fetcher, with the keys in it (plain, in a list, a future, a Mono or a DataFetcherResult) as global ids. */
    private static @Nullable Object encode(@Nullable Object result, String typeName) {
        if (result == null) {
            return null;
        }
        if (result instanceof DataFetcherResult<?> wrapped) {
            return wrapped.map(data -> encode(data, typeName));
        }
        if (result instanceof CompletionStage<?> future) {
            return future.thenApply(data -> encode(data, typeName));
        }
        if (result instanceof Mono<?> mono) {
            return mono.map(data -> encode(data, typeName));
        }
        if (result instanceof Optional<?> optional) {
            return optional.map(data -> encode(data, typeName)).orElse(null);
        }
        if (result instanceof Collection<?> keys) {
            return keys.stream().map(key -> encode(key, typeName)).toList();
        }
        return GlobalId.encode(typeName, result);
    }
}
