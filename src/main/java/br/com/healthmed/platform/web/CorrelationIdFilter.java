package br.com.healthmed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request its {@link CorrelationId}, in the MDC for the request's log lines and in
 * the response header. The load balancer's trace id ({@value #AWS_TRACE_HEADER}), when well-formed,
 * is logged beside it ({@value #AWS_TRACE_MDC_KEY}) to find the request in the ALB access logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String AWS_TRACE_HEADER = "X-Amzn-Trace-Id";
    static final String AWS_TRACE_MDC_KEY = "awsTraceId";
    /** {@code Root=1-67891233-abcdef012345678912345678;...}: short, printable, no spaces or quotes. */
    private static final Pattern TRACE_ID = Pattern.compile("[A-Za-z0-9=;:._-]{1,200}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationId.fresh();
        request.setAttribute(CorrelationId.ATTRIBUTE, id);
        response.setHeader(CorrelationId.HEADER, id);
        MDC.put(CorrelationId.MDC_KEY, id);
        String trace = request.getHeader(AWS_TRACE_HEADER);
        if (trace != null && TRACE_ID.matcher(trace).matches()) {
            MDC.put(AWS_TRACE_MDC_KEY, trace);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
            MDC.remove(AWS_TRACE_MDC_KEY);
        }
    }
}
