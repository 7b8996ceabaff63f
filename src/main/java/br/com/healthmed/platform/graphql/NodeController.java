package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import graphql.GraphQLError;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)} and {@code nodes(ids:)}: any object by its global id, through the {@link NodeResolver}
 * of its type. Only global ids are taken here (no bare UUIDs: they do not say the type).
 *
 * <p>The ids one operation resolves are bounded in all, not per field: most resolvers look keys up one at a
 * time, so 140 aliases of {@code nodes} with 100 ids each would otherwise be 14,000 reads from one small
 * anonymous request. The count lives in the operation's {@link GraphQLContext}, so it holds however the ids
 * arrive (aliases, fragments, literals or variables).
 */
@Controller
class NodeController {

    /**
     * The most ids one operation resolves through {@code node} (one each) and {@code nodes} (its list's
     * length) together: each id may be a read of its own ({@link NodeResolver#oneAtATime}).
     */
    static final int MAX_IDS = 100;

    /** The operation's count of ids resolved so far, in its {@link GraphQLContext}. */
    private static final String IDS_RESOLVED = NodeController.class.getName() + ".idsResolved";

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toUnmodifiableMap(NodeResolver::typeName, Function.identity()));
    }

    @QueryMapping
    @Nullable Object node(@Argument String id, @AuthenticationPrincipal @Nullable Caller caller, DataFetchingEnvironment env) {
        reserve(1, "id", env.getGraphQlContext());
        return lookUp(List.of(id), caller, env).get(0).orElseThrow(() -> DomainException.notFound("Node"));
    }

    @QueryMapping
    DataFetcherResult<List<@Nullable Object>> nodes(@Argument List<String> ids, @AuthenticationPrincipal @Nullable Caller caller,
                                                    DataFetchingEnvironment env) {
        reserve(ids.size(), "ids", env.getGraphQlContext());
        List<Optional<Object>> found = lookUp(ids, caller, env);
        List<@Nullable Object> data = new ArrayList<>(ids.size());
        List<GraphQLError> errors = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            data.add(found.get(i).orElse(null));
            if (found.get(i).isEmpty()) {
                errors.add(GraphqlErrorBuilder.newError(env)
                        .path(env.getExecutionStepInfo().getPath().segment(i))
                        .errorType(PlatformErrors.NOT_FOUND.errorType())
                        .message("Node not found")
                        .extensions(Map.of("code", PlatformErrors.NOT_FOUND.name()))
                        .build());
            }
        }
        return DataFetcherResult.<List<@Nullable Object>>newResult().data(data).errors(errors).build();
    }

    /**
     * Counts {@code count} more ids against the operation's {@link #MAX_IDS}, or refuses the field (counting
     * nothing) when they would go beyond it.
     */
    private static void reserve(int count, String argument, GraphQLContext request) {
        AtomicInteger resolved = request.computeIfAbsent(IDS_RESOLVED, key -> new AtomicInteger());
        int before;
        do {
            before = resolved.get();
            if (count > MAX_IDS - before) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, argument, "At most " + MAX_IDS
                        + " ids in all per operation through node and nodes; this one asks for " + before + " + " + count + ".");
            }
        } while (!resolved.compareAndSet(before, before + count));
    }

    /** The object of each id, in order: one {@link NodeResolver#find} per type (which may read key by key). */
    private List<Optional<Object>> lookUp(List<String> ids, @Nullable Caller caller, DataFetchingEnvironment request) {
        List<Optional<GlobalId>> parsed = ids.stream().map(GlobalId::parse).toList();
        Map<String, Set<String>> keysByType = new LinkedHashMap<>();
        parsed.forEach(id -> id.filter(global -> resolvers.containsKey(global.typeName()))
                .ifPresent(global -> keysByType.computeIfAbsent(global.typeName(), type -> new LinkedHashSet<>()).add(global.key())));
        Map<String, Map<String, Object>> foundByType = new LinkedHashMap<>();
        keysByType.forEach((type, keys) -> foundByType.put(type, resolvers.get(type).find(keys, caller, request)));
        return parsed.stream()
                .map(id -> id.map(global -> foundByType.getOrDefault(global.typeName(), Map.of()).get(global.key())))
                .toList();
    }
}
