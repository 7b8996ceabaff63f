package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void theRequestRunsWithItsIdInTheMdcAndTheResponseHeaderAndLeavesNothingBehind() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678");
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seen = new ArrayList<>();

        filter.doFilter(request, response, (req, res) -> {
            seen.add(MDC.get(CorrelationId.MDC_KEY));
            seen.add(MDC.get(CorrelationIdFilter.AWS_TRACE_MDC_KEY));
            seen.add((String) req.getAttribute(CorrelationId.ATTRIBUTE));
        });

        assertThat(seen.get(0)).isNotBlank().isEqualTo(response.getHeader(CorrelationId.HEADER)).isEqualTo(seen.get(2));
        assertThat(seen.get(1)).isEqualTo("Root=1-67891233-abcdef012345678912345678");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
        assertThat(MDC.get(CorrelationIdFilter.AWS_TRACE_MDC_KEY)).isNull();
    }

    @Test
    void aTraceHeaderThatCouldForgeLogFieldsIsNotLogged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("X-Amzn-Trace-Id", "Root=1\",\"level\":\"ERROR");
        List<String> seen = new ArrayList<>();

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.add(String.valueOf(MDC.get(CorrelationIdFilter.AWS_TRACE_MDC_KEY))));

        assertThat(seen).containsExactly("null");
    }

    @Test
    void freshIdsAreDistinctVersionFourUuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationId.fresh();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).as(id).isEqualTo(4);
            assertThat(parsed.variant()).as(id).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }
}
