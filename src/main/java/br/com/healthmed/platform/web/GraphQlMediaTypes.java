package br.com.healthmed.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which of the two GraphQL response media types an {@code Accept} header asks for (GraphQL over HTTP,
 * "Body"): {@code application/graphql-response+json}, or the legacy {@code application/json}.
 *
 * <ul>
 *   <li>the type with the higher quality wins; a type named in the header beats one reached only
 *       through a wildcard; between two named with the same quality, graphql-response+json;</li>
 *   <li>no header, {@code *}{@code /*} or {@code application/*} alone: {@code application/json}. A client
 *       that names neither type is taken for a legacy one (and the graphql-http audit checks exactly
 *       this: 47DE and 80D8);</li>
 *   <li>a header that accepts neither (e.g. only {@code text/html}), or cannot be parsed: none, and
 *       the answer is 406.</li>
 * </ul>
 */
public final class GraphQlMediaTypes {

    public static final MediaType GRAPHQL_RESPONSE = MediaType.APPLICATION_GRAPHQL_RESPONSE;
    public static final MediaType JSON = MediaType.APPLICATION_JSON;

    private GraphQlMediaTypes() {}

    /** The media type to answer in, or empty when the header accepts neither. */
    public static Optional<MediaType> chosenFor(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return Optional.empty();
        }
        Preference graphQl = preference(accepted, GRAPHQL_RESPONSE);
        Preference json = preference(accepted, JSON);
        if (graphQl.quality() <= 0 && json.quality() <= 0) {
            return Optional.empty();
        }
        if (graphQl.quality() != json.quality()) {
            return Optional.of(graphQl.quality() > json.quality() ? GRAPHQL_RESPONSE : JSON);
        }
        return Optional.of(graphQl.named() ? GRAPHQL_RESPONSE : JSON);
    }

    /** The media type to answer {@code request} in, from all its {@code Accept} headers together. */
    public static Optional<MediaType> chosenFor(HttpServletRequest request) {
        return chosenFor(String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT))).trim());
    }

    /** The response type for a refusal: the one asked for, or graphql-response+json when none was acceptable. */
    public static MediaType forRefusal(HttpServletRequest request) {
        return chosenFor(request).orElse(GRAPHQL_RESPONSE);
    }

    /** How much a header wants {@code type}: the quality of its most specific range that includes it. */
    private static Preference preference(List<MediaType> accepted, MediaType type) {
        MediaType best = null;
        for (MediaType range : accepted) {
            if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
                best = range;
            }
        }
        return best == null ? new Preference(0, false) : new Preference(best.getQualityValue(), specificity(best) == 2);
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }

    private record Preference(double quality, boolean named) {}
}
