package br.com.healthmed.platform.graphql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that speaks Apollo's automatic persisted queries protocol as Apollo Client 4's
 * {@code createPersistedQueryLink} over its {@code HttpLink} does (@apollo/client is not installed
 * here, so its behaviour is written out): the first request carries only
 * {@code extensions.persistedQuery = {version: 1, sha256Hash}} (the SHA-256 of the printed query,
 * hex), with HttpLink's {@code Accept} header; if the answer's errors, from a 2xx body or from a
 * non-2xx one, include message {@code PersistedQueryNotFound} or code {@code PERSISTED_QUERY_NOT_FOUND},
 * it sends the same request once more with {@code query}. Every exchange is kept for the test to read.
 */
final class ApolloPersistedQueryClient {

    /** What Apollo Client 4's HttpLink sends. */
    static final String APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Exchange(Map<String, Object> sent, int status, String contentType, String cacheControl, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        }

        /** The first error's {@code extensions.code}, if there is an error. */
        @SuppressWarnings("unchecked")
        Optional<String> code() {
            return errors().stream().findFirst()
                    .map(error -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
                    .map(extensions -> String.valueOf(extensions.get("code")));
        }
    }

    private final URI endpoint;
    private final String accept;
    private final List<Exchange> exchanges = new ArrayList<>();

    ApolloPersistedQueryClient(int port, String accept) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.accept = accept;
    }

    ApolloPersistedQueryClient(int port) {
        this(port, APOLLO_ACCEPT);
    }

    /** The link's whole dance for one operation; returns the last answer. */
    Exchange execute(String query) {
        Exchange first = hashOnly(sha256(query));
        boolean notFound = first.errors().stream().anyMatch(error -> "PersistedQueryNotFound".equals(error.get("message"))
                || (error.get("extensions") instanceof Map<?, ?> extensions && "PERSISTED_QUERY_NOT_FOUND".equals(extensions.get("code"))));
        return notFound ? withQuery(query, sha256(query)) : first;
    }

    Exchange hashOnly(String sha256Hash) {
        return send(body(null, persistedQuery(1, sha256Hash)));
    }

    Exchange withQuery(String query, String sha256Hash) {
        return send(body(query, persistedQuery(1, sha256Hash)));
    }

    /** Any extension value, for the malformed cases. */
    Exchange withExtension(Object persistedQuery) {
        return send(body(null, persistedQuery));
    }

    /** A plain request: {@code query} and no extension, as a client without the link sends it. */
    Exchange plain(String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        return send(body);
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    static Map<String, Object> persistedQuery(Object version, String sha256Hash) {
        return Map.of("version", version, "sha256Hash", sha256Hash);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(String query, Object persistedQuery) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", Map.of());
        body.put("extensions", Map.of("persistedQuery", persistedQuery));
        if (query != null) {
            body.put("query", query);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private Exchange send(Map<String, Object> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Exchange exchange = new Exchange(body, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""),
                    JSON.readValue(response.body(), Map.class));
            exchanges.add(exchange);
            return exchange;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
