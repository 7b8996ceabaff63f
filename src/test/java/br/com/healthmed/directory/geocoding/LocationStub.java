package br.com.healthmed.directory.geocoding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** A local stub of the Amazon Location Service places API (REST-JSON), on a free loopback port. */
final class LocationStub {

    static final String INDEX = "healthmed-places";
    static final String SEARCH_PATH = "/places/v0/indexes/" + INDEX + "/search/text";

    private LocationStub() {}

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    static MappingBuilder search() {
        return post(urlPathEqualTo(SEARCH_PATH));
    }

    /** A match at [longitude, latitude], as the Location API gives positions. */
    static ResponseDefinitionBuilder place(double latitude, double longitude) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"Summary": {"Text": "x", "DataSource": "Esri", "FilterCountries": ["BRA"], "MaxResults": 1},
                 "Results": [{"Place": {"Label": "Av. Paulista, 1578, São Paulo, SP, BRA",
                                        "Geometry": {"Point": [%s, %s]}, "Country": "BRA"},
                              "Relevance": 1.0}]}""".formatted(longitude, latitude));
    }

    static ResponseDefinitionBuilder noPlace() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Summary\": {\"Text\": \"x\", \"DataSource\": \"Esri\"}, \"Results\": []}");
    }

    static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"message\": \"stubbed " + type + "\"}");
    }
}
