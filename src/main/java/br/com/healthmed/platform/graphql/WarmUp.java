package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.WarmUpStep;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the GraphQL stack in-process a few hundred times before the web server opens its port, so the
 * first burst of real requests does not pay for class loading and JIT compilation. Found by the chaos
 * suite: an instance restarted in a rolling restart answered its first burst of bookings in 1.4–2.4 s,
 * the next one, 2.4 s later, in 0.3–0.5 s (docs/reliability.md, "Warm-up before the port opens").
 *
 * <p>What it runs has no effect on data: anonymous documents (a {@code __typename}, the public
 * specialties list, {@code me} and a booking, which both answer {@code UNAUTHENTICATED}), each with a
 * different alias per round so that parsing and validation run too (they are cached per document), and
 * the modules' {@link WarmUpStep}s (identity: the ES256 check of a forged access token). It runs on the
 * starting thread in the phase just before the web server starts (so nothing is routed here, load
 * balancer or not, until it is done), stops at its time budget, and a failure only ends it early.
 * None of them reaches storage or a rate counter (the anonymous ones stop at the caller check); they
 * do show in the GraphQL request metrics of the first seconds (4 per round, as {@code WarmUp} operations).
 * {@code healthmed.warm-up.rounds=0} turns it off (tests do). Its documents are not in any app's
 * manifest: trusted-documents mode lets them through by a request attribute only it sets.
 */
@Component
class WarmUp implements SmartLifecycle {

    /** Before the servlet web server's start (Spring Boot's WebServerStartStopLifecycle, DEFAULT_PHASE - 2048). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final URI GRAPHQL = URI.create("http://localhost/graphql");
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    /** Marks the warm-up's requests, which trusted-documents mode lets through (no client can set a request attribute). */
    private static final String ATTRIBUTE = WarmUp.class.getName();
    private static final List<String> DOCUMENTS = List.of(
            "query WarmUp { w%d: __typename }",
            "query WarmUp { w%d: specialties { code name } }",
            "query WarmUp { w%d: me { id } }",
            "mutation WarmUp($s: ID!, $k: String!) { w%d: bookAppointment(slotId: $s, idempotencyKey: $k) { appointment { id slotId status } slot { id available } } }");

    private final ObjectProvider<WebGraphQlHandler> handler;
    private final List<WarmUpStep> steps;
    private final int rounds;
    private final Duration budget;
    /** How the warm-up's requests were answered (error code, or OK), for the log and the test. */
    private final Map<String, Integer> answers = new TreeMap<>();
    private volatile boolean running;

    WarmUp(ObjectProvider<WebGraphQlHandler> handler, List<WarmUpStep> steps,
           @Value("${healthmed.warm-up.rounds:100}") int rounds,
           @Value("${healthmed.warm-up.budget:PT5S}") Duration budget) {
        this.handler = handler;
        this.steps = List.copyOf(steps);
        this.rounds = rounds;
        this.budget = budget;
    }

    @Override
    public void start() {
        running = true;
        WebGraphQlHandler graphQl = handler.getIfAvailable();
        if (rounds <= 0 || graphQl == null) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int round = 0;
        // as an HTTP request without a token runs: Spring Security's anonymous caller, carried into the
        // execution by context propagation as Spring for GraphQL's HTTP handler does
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken(
                "warm-up", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        try {
            for (; round < rounds && System.nanoTime() < deadline; round++) {
                for (String document : DOCUMENTS) {
                    ContextSnapshot snapshot = graphQl.contextSnapshotFactory().captureAll();
                    count(graphQl.handleRequest(request(document.formatted(round), round))
                            .contextWrite(snapshot::updateContext).block(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
                }
                for (WarmUpStep step : steps) {
                    step.run(round);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Warm-up ended early after {} rounds: {}", round, e.toString());
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Warmed up in {} ms: {} rounds, answers {}", Duration.ofNanos(System.nanoTime() - started).toMillis(), round, answers);
    }

    /** How each of the warm-up's requests was answered: {@code OK} or the first error's code. */
    synchronized Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    private synchronized void count(@Nullable WebGraphQlResponse response) {
        String code = response == null ? "NO_ANSWER" : response.getErrors().stream().findFirst()
                .map(ResponseError::getExtensions).map(extensions -> String.valueOf(extensions.get("code")))
                .orElse("OK");
        answers.merge(code, 1, Integer::sum);
    }

    private static WebGraphQlRequest request(String document, int round) {
        Map<String, Object> variables = document.contains("$s")
                ? Map.of("s", UUID.randomUUID().toString(), "k", "warm-up-" + round) : Map.of();
        return new WebGraphQlRequest(GRAPHQL, new HttpHeaders(), null, LOOPBACK, Map.of(ATTRIBUTE, Boolean.TRUE),
                new DefaultGraphQlRequest(document, null, variables, null), "warm-up-" + round, Locale.ROOT);
    }

    /** Whether {@code request} is one of the warm-up's own. */
    static boolean isWarmUp(WebGraphQlRequest request) {
        return Boolean.TRUE.equals(request.getAttributes().get(ATTRIBUTE));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
