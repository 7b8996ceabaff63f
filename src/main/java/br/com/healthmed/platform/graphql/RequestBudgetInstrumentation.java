package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageDeadline;
import br.com.healthmed.platform.web.ClientConnection;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Every GraphQL request gets a wall-clock budget and a CPU budget; once either is spent, the fields
 * not yet fetched are not fetched and the request ends with {@code REQUEST_BUDGET_EXCEEDED}.
 *
 * <p>The size limits ({@link QueryLimitsInstrumentation}) bound what a document may ask for before it
 * runs; this bounds what running it may cost, whatever the cause (a slow dependency, a large list of
 * objects each with nested fields). The check sits before every field fetch: the wall clock is read
 * each time (a {@code System.nanoTime()}), the thread's CPU clock every {@value #CPU_CHECK_EVERY}
 * fetches, because reading it costs a system call. CPU is summed over the threads that fetched
 * fields for the request (graphql-java may continue on a DataLoader's thread), each from its first
 * check on: an approximation that can miss what a thread spent before its first check, or count what
 * a pooled thread spent on another request between two checks. It is a safety net, not a meter.
 * A subscription's budget starts again with each event it pushes.
 *
 * <p>The same check stops a request whose client has gone away: over HTTP, once its
 * {@link ClientConnection} is seen closed (docs/reliability.md, "Abandoned requests"), the fields not
 * yet fetched are not fetched ({@code REQUEST_ABANDONED}, an answer nobody reads). A field fetch in
 * progress runs to its end; where closed connections cannot be seen, the budget bounds the request.
 * Over WebSocket, a closed session or a {@code complete} message cancels the subscription and with it
 * the work of its next event.
 *
 * <p>The request's storage deadline ({@link StorageDeadline}, {@code healthmed.graphql.execution.storage-deadline}):
 * over HTTP the endpoint puts it in force before the request starts, and Spring for GraphQL copies it into
 * the request's {@code GraphQLContext}, from which it is restored around every data fetcher and batch
 * loader. An operation over WebSocket has none from its handler, so here it gets one as that context
 * entry, counted from the operation's start, and a subscription restarts it with each event it pushes, as
 * the budget is. (Events of one subscription resolved at the same time share it. A subscription's stream
 * itself, reading its log between events, keeps the per-call bounds.)
 *
 * <p><b>Mutations get the same storage deadline</b>, although the budget lets a started mutation run to its
 * end (docs/architecture.md, "A storage deadline for mutations too"): a call the deadline cuts is answered
 * {@code STORAGE_UNAVAILABLE} exactly as a call timed out on its own bound is today, every mutation is safe
 * to retry with the same input (its key), and the sweeps finish or undo what a cut step left half-done. A
 * longer deadline for mutations would keep the slow answers it is there to end.
 */
@Component
class RequestBudgetInstrumentation extends SimplePerformantInstrumentation {

    static final int CPU_CHECK_EVERY = 16;

    /** A thread's CPU clock, in nanoseconds. */
    interface CpuClock {
        long currentThreadCpuNanos();
    }

    private final Budget budget;
    private final LongSupplier wallClock;
    private final CpuClock cpuClock;
    /** Null: operations without an HTTP deadline get none here (tests of the budget alone). */
    private final @Nullable Duration storageDeadline;

    @Autowired
    RequestBudgetInstrumentation(Budget budget, ExecutionLimits limits) {
        this(budget, System::nanoTime, threadCpuClock(), limits.storageDeadline());
    }

    RequestBudgetInstrumentation(Budget budget, LongSupplier wallClock, CpuClock cpuClock) {
        this(budget, wallClock, cpuClock, null);
    }

    private RequestBudgetInstrumentation(Budget budget, LongSupplier wallClock, CpuClock cpuClock, @Nullable Duration storageDeadline) {
        this.budget = budget;
        this.wallClock = wallClock;
        this.cpuClock = cpuClock;
        this.storageDeadline = storageDeadline;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        GraphQLContext context = parameters.getExecutionInput().getGraphQLContext();
        Spending spending = new Spending(wallClock.getAsLong(), context.get(ClientConnection.CONTEXT_KEY));
        // present when the HTTP endpoint put one in force; an operation over WebSocket gets its own here
        if (storageDeadline != null && !context.hasKey(StorageDeadline.CONTEXT_KEY)) {
            spending.storageDeadline = StorageDeadline.after(storageDeadline);
            context.put(StorageDeadline.CONTEXT_KEY, spending.storageDeadline);
        }
        return spending;
    }

    /**
     * A subscription lives as long as its client wants: each event it pushes gets a budget of its own,
     * counted from when graphql-java starts resolving it.
     */
    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
                                                                             InstrumentationState state) {
        if (state instanceof Spending spending) {
            spending.restart(wallClock.getAsLong());
            StorageDeadline storageDeadline = spending.storageDeadline;
            if (storageDeadline != null) {
                storageDeadline.restart();
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * A mutation is checked only before its first field: once it has started changing things, its
     * document runs to the end and is answered whole (an abort would replace the whole answer, so a
     * booking made would be answered {@code REQUEST_BUDGET_EXCEEDED} and its client would believe
     * nothing happened). Completing its answer is cheap: the objects are at hand.
     */
    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        if (state instanceof Spending spending) {
            if (!parameters.getExecutionContext().isMutationOperation()) {
                spending.check();
            } else if (!spending.mutationStarted) {
                spending.check();
                spending.mutationStarted = true;
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static CpuClock threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return () -> 0L;
        }
        return threads::getCurrentThreadCpuTime;
    }

    /** What one request has spent so far. */
    private final class Spending implements InstrumentationState {
        private volatile long startedAt;
        /** Per thread: its CPU clock when it first fetched for this request, and at its last check. */
        private final Map<Thread, long[]> cpuByThread = new ConcurrentHashMap<>(2);
        private final AtomicInteger fetches = new AtomicInteger();
        /** Null over WebSocket. */
        private final ClientConnection connection;
        /** A mutation's fields are fetched one after another, on one thread at a time. */
        private volatile boolean mutationStarted;
        /** The storage deadline given here (over WebSocket); null when the endpoint gave one, or none is configured. */
        private volatile @Nullable StorageDeadline storageDeadline;

        Spending(long startedAt, ClientConnection connection) {
            this.startedAt = startedAt;
            this.connection = connection;
        }

        void restart(long now) {
            startedAt = now;
            cpuByThread.clear();
            fetches.set(0);
        }

        void check() {
            if (connection != null && connection.isGone()) {
                throw QueryLimitsInstrumentation.abort(PlatformErrors.REQUEST_ABANDONED, "The client closed the connection; the request was stopped.");
            }
            long elapsed = wallClock.getAsLong() - startedAt;
            if (elapsed > budget.wallClock().toNanos()) {
                throw exceeded("The request ran longer than its budget of " + budget.wallClock().toMillis() + " ms.");
            }
            if (fetches.incrementAndGet() % CPU_CHECK_EVERY == 1 && cpuSpent() > budget.cpu().toNanos()) {
                throw exceeded("The request used more processor time than its budget of " + budget.cpu().toMillis() + " ms.");
            }
        }

        private long cpuSpent() {
            long now = cpuClock.currentThreadCpuNanos();
            long[] span = cpuByThread.computeIfAbsent(Thread.currentThread(), t -> new long[] {now, now});
            span[1] = now;
            long total = 0;
            for (long[] each : cpuByThread.values()) {
                total += each[1] - each[0];
            }
            return total;
        }

        private AbortExecutionException exceeded(String message) {
            return QueryLimitsInstrumentation.abort(PlatformErrors.REQUEST_BUDGET_EXCEEDED,
                    message + " Ask for fewer objects or fields, or retry later.");
        }
    }

    /** {@code healthmed.graphql.budget.wall-clock} and {@code cpu}: what one request may spend. */
    @ConfigurationProperties("healthmed.graphql.budget")
    record Budget(@DefaultValue("5s") Duration wallClock, @DefaultValue("2s") Duration cpu) {}
}
