package br.com.healthmed.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL at {@code /graphiql}, from assets this application serves (see
 * {@code static/graphiql/}); off when {@code healthmed.graphiql.enabled=false} (production).
 */
@Controller
@ConditionalOnProperty(name = "healthmed.graphiql.enabled", havingValue = "true", matchIfMissing = true)
class GraphiQlPage {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
