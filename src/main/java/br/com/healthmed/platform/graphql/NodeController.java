package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import graphql.GraphQLError;
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
 */
@Controller
class NodeController {

    /** The most ids one {@code nodes} call takes: one batched read per type, but still a bound. */
    static final int MAX_IDS = 100;

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toUnmodifiableMap(NodeResolver::typeName, Function.identity()));
    }

    @QueryMapping
    @Nullable Object node(@Argument String id, @AuthenticationPrincipal @Nullable Caller caller, DataFetchingEnvironment env) {
        return lookUp(List.of(id), caller, env).get(0).orElseThrow(() -> DomainException.notFound("Node"));
    }

    @QueryMapping
    DataFetcherResult<List<@Nullable Object>> nodes(@Argument List<String> ids, @AuthenticationPrincipal @Nullable Caller caller,
                                                    DataFetchingEnvironment env) {
        if (ids.size() > MAX_IDS) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "ids", "At most " + MAX_IDS + " ids at once.");
        }
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

    /** The object of each id, in order: one batched {@link NodeResolver#find} per type. */
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
