package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageDeadline;
import br.com.healthmed.platform.web.CorrelationId;
import br.com.healthmed.platform.web.ErrorResponses;
import br.com.healthmed.platform.web.ErrorResponses.Refusal;
import br.com.healthmed.platform.web.GraphQlMediaTypes;
import graphql.GraphQLContext;
import graphql.language.OperationDefinition;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP at {@code /graphql}, in place of Spring for GraphQL's POST-only handler: POST and
 * GET requests are read here and run through the same {@link WebGraphQlHandler}, so every interceptor
 * (authentication, correlation id, client address, error codes, limits) applies to both.
 *
 * <ul>
 *   <li>POST: a JSON object ({@code application/json}, or the older {@code application/graphql+json})
 *       with {@code query} (a string), {@code operationName} (string or null), {@code variables} and
 *       {@code extensions} (objects or null); anything else is 400, another content type 415, a body over
 *       {@code healthmed.graphql.http.max-body-size} 413.</li>
 *   <li>GET: the same parameters in the URL, {@code variables} and {@code extensions} as JSON; queries
 *       only ({@link HttpOperationPolicy}: a mutation is 405 with {@code Allow: POST}).</li>
 *   <li>Either may leave out {@code query} when {@code extensions.persistedQuery} names one (Apollo's
 *       persisted queries): the document is then graphql-java's persisted-query marker, for the document
 *       provider to resolve.</li>
 *   <li>The answer's media type is the one {@code Accept} asks for ({@link GraphQlMediaTypes}); none
 *       acceptable is 406. Under {@code application/graphql-response+json} a response without {@code
 *       data} (parse, validation, variable errors) is 400; under the legacy {@code application/json}
 *       every executed request is 200 (GraphQL over HTTP, appendix A).</li>
 *   <li>{@code Cache-Control}: {@code no-store} for POST; for GET, {@code public, max-age} only when an
 *       anonymous caller's query without errors selects nothing but {@link #PUBLIC_ROOT_FIELDS}, and
 *       {@code private, no-store} otherwise.</li>
 *   <li>At most {@code healthmed.graphql.execution.max-in-flight} executions at once ({@link InFlightLimit});
 *       a request that gets no turn within the queue wait is 503 {@code SERVICE_BUSY} with {@code Retry-After}.
 *       Each execution's storage calls share one deadline ({@link StorageDeadline}), counted from here.</li>
 * </ul>
 *
 * Every refusal is written by {@link ErrorResponses}, like the filters' and the error page's.
 */
final class GraphQlHttpEndpoint {

    /**
     * Root fields whose answer is the same for every anonymous caller and may be kept by shared caches
     * for a short while: the specialties, doctors' public profiles and agendas, the doctor search. A
     * booking still checks the slot, so an agenda up to max-age old only shows a slot that may be gone.
     */
    static final Set<String> PUBLIC_ROOT_FIELDS = Set.of("specialties", "doctor", "doctorAgenda", "searchDoctors", "__typename");

    private static final MediaType LEGACY_GRAPHQL_JSON = new MediaType("application", "graphql+json");
    private static final String PERSISTED_QUERY = "persistedQuery";
    private static final String PERSISTED_QUERY_MARKER = graphql.execution.preparsed.persisted.PersistedQuerySupport.PERSISTED_QUERY_MARKER;

    private final WebGraphQlHandler graphQl;
    private final JsonMapper json;
    private final long maxBodyBytes;
    private final String publicCacheControl;
    private final InFlightLimit inFlight;
    private final Duration storageDeadline;

    GraphQlHttpEndpoint(WebGraphQlHandler graphQl, JsonMapper json, long maxBodyBytes, Duration publicMaxAge, ExecutionLimits limits) {
        this.graphQl = graphQl;
        this.inFlight = new InFlightLimit(limits.maxInFlight(), limits.queueWait());
        this.storageDeadline = limits.storageDeadline();
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.publicCacheControl = "public, max-age=" + publicMaxAge.toSeconds();
    }

    ServerResponse post(ServerRequest request) {
        Optional<MediaType> answerType = acceptable(request);
        if (answerType.isEmpty()) {
            return notAcceptable();
        }
        if (!isJson(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE))) {
            return refuse(new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, PlatformErrors.MALFORMED_REQUEST,
                    "Send GraphQL requests as application/json.").withHeader("Accept-Post", "application/json"));
        }
        byte[] body;
        try {
            body = readBody(request);
        } catch (TooLarge tooLarge) {
            return refuse(new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, PlatformErrors.REQUEST_TOO_LARGE,
                    "The request body is larger than " + maxBodyBytes + " bytes."));
        }
        Map<?, ?> parameters;
        try {
            parameters = body.length == 0 ? null : json.readValue(body, Map.class);
        } catch (JacksonException unreadable) {
            return malformed("The body is not a JSON object.");
        }
        if (parameters == null) {
            return malformed("The body is not a JSON object.");
        }
        return execute(request, HttpMethod.POST, parameters, answerType.get());
    }

    ServerResponse get(ServerRequest request) {
        Optional<MediaType> answerType = acceptable(request);
        if (answerType.isEmpty()) {
            return notAcceptable();
        }
        MultiValueMap<String, String> params = request.params();
        Map<String, Object> parameters = new java.util.HashMap<>();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = params.getOrDefault(name, List.of());
            if (values.size() > 1) {
                return malformed("The parameter " + name + " is given more than once.");
            }
            if (values.isEmpty() || values.get(0).isEmpty()) {
                continue; // the empty string is the same as leaving the parameter out
            }
            String value = values.get(0);
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    parameters.put(name, json.readValue(value, Object.class));
                } catch (JacksonException unreadable) {
                    return malformed("The parameter " + name + " is not JSON.");
                }
            } else {
                parameters.put(name, value);
            }
        }
        return execute(request, HttpMethod.GET, parameters, answerType.get());
    }

    /** PUT, DELETE and the rest. */
    ServerResponse otherMethod(ServerRequest request) {
        return refuse(new Refusal(HttpServletResponse.SC_METHOD_NOT_ALLOWED, PlatformErrors.MALFORMED_REQUEST,
                "Use POST for GraphQL requests, or GET for queries.").withHeader(HttpHeaders.ALLOW, "GET, POST"));
    }

    private ServerResponse execute(ServerRequest request, HttpMethod method, Map<?, ?> parameters, MediaType answerType) {
        Object query = parameters.get("query");
        Object operationName = parameters.get("operationName");
        Object variables = parameters.get("variables");
        Object extensions = parameters.get("extensions");
        if (!(variables == null || variables instanceof Map) || !(extensions == null || extensions instanceof Map)) {
            return malformed("variables and extensions must be JSON objects (or null).");
        }
        if (!(operationName == null || operationName instanceof String)) {
            return malformed("operationName must be a string (or null).");
        }
        boolean persisted = extensions instanceof Map<?, ?> map && map.get(PERSISTED_QUERY) != null;
        if (!(query instanceof String || (query == null && persisted))) {
            return malformed("query must be a string: the GraphQL document.");
        }
        @SuppressWarnings("unchecked")
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                cookies(request), request.remoteAddress().orElse(null), request.attributes(),
                new DefaultGraphQlRequest(query == null ? PERSISTED_QUERY_MARKER : (String) query,
                        operationName instanceof String name && !name.isEmpty() ? name : null,
                        variables == null ? Map.of() : (Map<String, Object>) variables,
                        extensions == null ? Map.of() : (Map<String, Object>) extensions),
                CorrelationId.fresh(), LocaleContextHolder.getLocale());
        graphQlRequest.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(HttpOperationPolicy.METHOD, method.name());
            return input;
        });
        boolean anonymous = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null;
        // The deadline is set on this thread before Spring for GraphQL captures the request's context, which
        // carries it to every data fetcher and batch loader; it starts before the wait for a turn, so that
        // the wait counts against it too.
        try (StorageDeadline.Scope deadline = StorageDeadline.within(storageDeadline)) {
            if (!inFlight.tryEnter()) {
                return refuse(new Refusal(HttpServletResponse.SC_SERVICE_UNAVAILABLE, PlatformErrors.SERVICE_BUSY,
                        "The service is taking as much work as it can; retry after extensions.retryAfterSeconds.").retryAfter(1));
            }
            CompletableFuture<ServerResponse> answer;
            try {
                answer = graphQl.handleRequest(graphQlRequest)
                        .map(response -> answer(response, method, answerType, anonymous)).toFuture();
            } catch (Throwable failure) { // an Error too: a turn never given back would be lost for good
                inFlight.release();
                throw failure;
            }
            answer.whenComplete((response, failure) -> inFlight.release());
            return ServerResponse.async(answer);
        }
    }

    private ServerResponse answer(WebGraphQlResponse response, HttpMethod method, MediaType answerType, boolean anonymous) {
        GraphQLContext context = response.getExecutionInput().getGraphQLContext();
        boolean refusedGet = Boolean.TRUE.equals(context.get(HttpOperationPolicy.REFUSED_GET));
        ServerResponse.BodyBuilder builder = ServerResponse.status(status(response, answerType, refusedGet))
                .headers(headers -> headers.putAll(response.getResponseHeaders()))
                .contentType(new MediaType(answerType, StandardCharsets.UTF_8));
        if (refusedGet) {
            builder.header(HttpHeaders.ALLOW, "POST");
        }
        if (method == HttpMethod.GET) {
            builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION);
            builder.header(HttpHeaders.CACHE_CONTROL, anonymous && isPublic(response, context) ? publicCacheControl : "private, no-store");
        } else {
            builder.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return builder.body(response.toMap());
    }

    /**
     * 200 for an executed operation (with or without field errors); 405 for a GET that is not a query;
     * under graphql-response+json, 400 for a request refused before execution (no {@code data}), 500 or
     * 503 when that refusal was our failure; under application/json, 200 for all of these.
     */
    private static int status(WebGraphQlResponse response, MediaType answerType, boolean refusedGet) {
        if (refusedGet) {
            return HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        if (response.getExecutionResult().isDataPresent() || !GraphQlMediaTypes.GRAPHQL_RESPONSE.equals(answerType)) {
            return HttpServletResponse.SC_OK;
        }
        List<Object> codes = response.getErrors().stream().map(ResponseError::getExtensions).map(e -> e.get("code")).toList();
        if (codes.contains(PlatformErrors.INTERNAL_ERROR.name())) {
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (codes.contains(PlatformErrors.SERVICE_BUSY.name()) || codes.contains(PlatformErrors.STORAGE_UNAVAILABLE.name())) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        return HttpServletResponse.SC_BAD_REQUEST;
    }

    private static boolean isPublic(WebGraphQlResponse response, GraphQLContext context) {
        return response.getErrors().isEmpty()
                && context.get(HttpOperationPolicy.OPERATION) == OperationDefinition.Operation.QUERY
                && context.get(HttpOperationPolicy.ROOT_FIELDS) instanceof Set<?> fields
                && PUBLIC_ROOT_FIELDS.containsAll(fields);
    }

    private static Optional<MediaType> acceptable(ServerRequest request) {
        return GraphQlMediaTypes.chosenFor(request.servletRequest());
    }

    private static ServerResponse notAcceptable() {
        return refuse(new Refusal(HttpServletResponse.SC_NOT_ACCEPTABLE, PlatformErrors.MALFORMED_REQUEST,
                "Accept application/graphql-response+json or application/json; subscriptions are served over WebSocket "
                        + "(graphql-ws at /graphql), not Server-Sent Events."));
    }

    private static ServerResponse malformed(String message) {
        return refuse(new Refusal(HttpServletResponse.SC_BAD_REQUEST, PlatformErrors.MALFORMED_REQUEST, message));
    }

    /** A refusal as a response: written by {@link ErrorResponses}, whose media type and body every refusal shares. */
    private static ServerResponse refuse(Refusal refusal) {
        return ServerResponse.status(refusal.status()).build((servletRequest, servletResponse) -> {
            ErrorResponses.write(servletRequest, servletResponse, refusal);
            return null;
        });
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || LEGACY_GRAPHQL_JSON.equalsTypeAndSubtype(type);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private byte[] readBody(ServerRequest request) throws TooLarge {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw new TooLarge();
        }
        try (InputStream in = request.servletRequest().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw new TooLarge();
            }
            return body;
        } catch (IOException unreadable) {
            return new byte[0];
        }
    }

    private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        request.cookies().forEach((name, values) -> values.forEach(cookie -> cookies.add(name, new HttpCookie(name, cookie.getValue()))));
        return cookies;
    }

    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
