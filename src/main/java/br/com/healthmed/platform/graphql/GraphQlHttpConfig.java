package br.com.healthmed.platform.graphql;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes every HTTP request to {@code spring.graphql.http.path} (WebSocket upgrades aside: Spring's
 * WebSocket mapping takes those first) to {@link GraphQlHttpEndpoint}, ahead of Spring Boot's own
 * router, which only knows POST and answers other requests with empty bodies. The schema printer and
 * other routes of Spring Boot's router stay as they were. {@code healthmed.graphql.http.max-body-size}
 * (2 MB) bounds a POST body; {@code healthmed.graphql.http.public-max-age} (60 s) is how long shared
 * caches may keep a public GET answer.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpConfig {

    @Bean
    @Order(-10) // before Spring Boot's graphQlRouterFunction (order 0)
    RouterFunction<ServerResponse> graphQlHttpRoutes(WebGraphQlHandler handler, JsonMapper json,
                                                     @Value("${spring.graphql.http.path:/graphql}") String path,
                                                     @Value("${healthmed.graphql.http.max-body-size:2MB}") DataSize maxBody,
                                                     @Value("${healthmed.graphql.http.public-max-age:60s}") Duration publicMaxAge,
                                                     ExecutionLimits limits) {
        GraphQlHttpEndpoint endpoint = new GraphQlHttpEndpoint(handler, json, maxBody.toBytes(), publicMaxAge, limits);
        return RouterFunctions.route()
                .POST(path, endpoint::post)
                .GET(path, endpoint::get)
                .route(RequestPredicates.path(path), endpoint::otherMethod)
                .build();
    }
}
