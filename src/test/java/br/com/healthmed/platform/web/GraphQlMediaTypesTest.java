package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

/** Which media type an Accept header gets; "none" is a 406. */
class GraphQlMediaTypesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | application/json",
            "'' | application/json",
            "*/* | application/json",
            "application/* | application/json",
            "application/json | application/json",
            "application/graphql-response+json | application/graphql-response+json",
            "application/graphql-response+json, application/json;q=0.9 | application/graphql-response+json",
            "application/json, application/graphql-response+json | application/graphql-response+json",
            "application/graphql-response+json;q=0.5, application/json | application/json",
            "application/graphql-response+json, */*;q=0.1 | application/graphql-response+json",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | application/json",
            "application/json;charset=utf-8 | application/json",
            "application/*+json | application/graphql-response+json",
            "text/html | none",
            "text/event-stream | none",
            "text/* | none",
            "application/json;q=0 | none",
            "not a media type;; | none"})
    void chosenFor(String accept, String expected) {
        Optional<MediaType> chosen = GraphQlMediaTypes.chosenFor(accept);

        assertThat(chosen.map(MediaType::toString).orElse("none")).isEqualTo(expected);
    }
}
