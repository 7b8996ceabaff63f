package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

/** The service's GraphQL keeps parsed documents, and the query limits still refuse a cached document each time it comes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentCacheApiTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void aQueryOverTheFieldLimitSentTwiceIsRefusedBothTimesAndAGoodOneIsCached() {
        DocumentCache cache = (DocumentCache) graphQlSource.graphQl().getPreparsedDocumentProvider();
        // 160 aliases of two fields each: 320 fields, over the limit of 300, and a valid document.
        StringBuilder tooMany = new StringBuilder("{");
        for (int i = 0; i < 160; i++) {
            tooMany.append(" s").append(i).append(": specialties { code }");
        }
        String document = tooMany.append(" }").toString();

        for (int send = 1; send <= 2; send++) {
            Api.at(port).tester().document(document).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
        }

        int before = cache.size();
        Api.at(port).tester().document("{ specialties { code name } }").execute().errors().verify();
        assertThat(cache.size()).isEqualTo(before + 1);
    }
}
