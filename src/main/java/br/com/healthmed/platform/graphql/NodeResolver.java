package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How {@code node(id:)} and {@code nodes(ids:)} find the objects of one GraphQL type that implements
 * {@code Node}. Each module implements it for its own types, with the same service call and the same
 * authorization as its typed query (e.g. {@code appointment(id:)}): what the caller may not see is simply
 * absent from the answer, and becomes {@code null} with {@code NOT_FOUND} exactly like an id that names
 * nothing.
 */
public interface NodeResolver {

    /** The GraphQL type, e.g. {@code Appointment}: the type inside its objects' global ids. */
    String typeName();

    /** The Java classes the type's objects are when a controller returns them (for the {@code Node} type resolver). */
    Set<Class<?>> javaTypes();

    /**
     * The objects of these keys (the keys inside global ids) that {@code caller} (null when anonymous) may
     * see, by key. Keys the caller may not see, or that name nothing, are left out. Throws only for a
     * failure to answer (storage unavailable), never to refuse. {@code request} is the {@code node}/{@code nodes}
     * field's environment: its context (e.g. the client address, for a read that is logged) and the request's
     * DataLoaders (to prime them as the typed query does).
     */
    Map<String, Object> find(Collection<String> keys, @Nullable Caller caller, DataFetchingEnvironment request);

    /** A lookup of one object by key for a caller (null when anonymous), as a typed query does it. */
    @FunctionalInterface
    interface Lookup {
        Optional<?> find(String key, @Nullable Caller caller, DataFetchingEnvironment request);
    }

    /**
     * The resolver of {@code typeName}, whose objects are {@code javaType}s, that looks keys up one by one
     * with {@code lookup} (see {@link #oneByOne}): for modules without a batched read by id.
     */
    static NodeResolver oneAtATime(String typeName, Class<?> javaType, Lookup lookup) {
        return new NodeResolver() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public Set<Class<?>> javaTypes() {
                return Set.of(javaType);
            }

            @Override
            public Map<String, Object> find(Collection<String> keys, @Nullable Caller caller, DataFetchingEnvironment request) {
                return oneByOne(keys, key -> lookup.find(key, caller, request));
            }
        };
    }

    /**
     * One key after the other, with the typed query's own lookup: a resolver whose module has no batched
     * read calls this from {@link #find}. Refusals ({@code NOT_FOUND}, {@code UNAUTHENTICATED},
     * {@code WRONG_ROLE}, a key that is not even a key) are left out; other failures go on.
     */
    static Map<String, Object> oneByOne(Collection<String> keys, java.util.function.Function<String, ? extends Optional<?>> lookup) {
        Map<String, Object> found = new LinkedHashMap<>();
        for (String key : keys) {
            visible(() -> lookup.apply(key)).ifPresent(object -> found.put(key, object));
        }
        return found;
    }

    /** What {@code typedQuery} answers, or empty when it refuses the caller as it would the typed query. */
    static Optional<?> visible(Supplier<? extends Optional<?>> typedQuery) {
        try {
            return typedQuery.get();
        } catch (DomainException refused) {
            if (isRefusal(refused)) {
                return Optional.empty();
            }
            throw refused;
        } catch (IllegalArgumentException notAKey) { // e.g. a key that is no UUID: an id that names nothing
            return Optional.empty();
        }
    }

    private static boolean isRefusal(DomainException failure) {
        String code = failure.code().name();
        return code.equals(PlatformErrors.NOT_FOUND.name()) || code.equals(PlatformErrors.UNAUTHENTICATED.name())
                || code.equals(PlatformErrors.WRONG_ROLE.name());
    }
}
