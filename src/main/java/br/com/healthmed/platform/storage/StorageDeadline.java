package br.com.healthmed.platform.storage;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The instant by which a GraphQL request's storage calls must be done, whatever their number: each
 * DynamoDB or S3 metadata call made for the request is bounded by what is left of it ({@link StorageGuard}),
 * on top of the client's own per-call bound, and a call when too little is left fails at once as
 * {@code STORAGE_UNAVAILABLE}. Without it a request making four calls while DynamoDB stalls answered after
 * four times the per-call second (docs/reliability.md, "Request deadline").
 *
 * <p>The deadline in force is a thread-local, so the SDK's interceptor finds it on the thread that makes
 * the call. Its {@link Accessor} is a Micrometer context-propagation {@link ThreadLocalAccessor}
 * (registered in {@code META-INF/services}) under {@link #CONTEXT_KEY}: Spring for GraphQL copies a
 * request's registered thread-locals into its {@code GraphQLContext} and restores them from there around
 * every data fetcher and every batch loader, on whichever thread they run. So a deadline is put in force
 * either on the thread that starts the request (HTTP) or as the {@code GraphQLContext} entry (WebSocket,
 * where a subscription restarts it for each event it pushes: the object is mutable for that).
 * Work handed to an executor of our own carries it only through {@link #propagating}. Outside a request
 * (sweeps, relays, start-up) there is none and nothing changes.
 */
public final class StorageDeadline {

    /** The entry of a request's {@code GraphQLContext} (and Reactor context) that carries its deadline. */
    public static final String CONTEXT_KEY = "healthmed.storage-deadline";

    private static final ThreadLocal<@Nullable StorageDeadline> CURRENT = new ThreadLocal<>();
    /** Snapshots of this thread-local alone, for {@link #propagating}. */
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder()
            .contextRegistry(new ContextRegistry().registerThreadLocalAccessor(new Accessor())).build();

    private final long budgetNanos;
    private volatile long deadlineNanos;

    private StorageDeadline(Duration budget) {
        this.budgetNanos = budget.toNanos();
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** A deadline {@code budget} from now, not yet in force anywhere. */
    public static StorageDeadline after(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("A storage deadline needs a positive budget, not " + budget);
        }
        return new StorageDeadline(budget);
    }

    /** Puts a deadline {@code budget} from now in force on this thread until the scope is closed. */
    public static Scope within(Duration budget) {
        return after(budget).inForce();
    }

    /** Puts this deadline in force on this thread until the scope is closed; an earlier one in force stays. */
    public Scope inForce() {
        @Nullable StorageDeadline previous = CURRENT.get();
        if (previous != null && previous.deadlineNanos - deadlineNanos <= 0) {
            return () -> {}; // an inner step never gets longer than its request
        }
        CURRENT.set(this);
        return () -> restore(previous);
    }

    /**
     * No deadline on this thread until the scope is closed: for clean-up that must run whatever the
     * request has left (giving back what a failed step claimed), bounded by the per-call timeouts alone.
     */
    public static Scope lifted() {
        @Nullable StorageDeadline previous = CURRENT.get();
        CURRENT.remove();
        return () -> restore(previous);
    }

    /** The same budget again, from now: a subscription's next event. */
    public void restart() {
        deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** What is left of this thread's deadline, in nanoseconds (zero or less: spent); null without a deadline. */
    static @Nullable Long remainingNanos() {
        @Nullable StorageDeadline deadline = CURRENT.get();
        return deadline == null ? null : deadline.deadlineNanos - System.nanoTime();
    }

    /**
     * {@code executor}, whose tasks run within the deadline in force where each was submitted: for pools
     * that make a request's storage calls in parallel (a search's cell queries).
     */
    public static ExecutorService propagating(ExecutorService executor) {
        return ContextExecutorService.wrap(executor, SNAPSHOTS);
    }

    private static void restore(@Nullable StorageDeadline previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Ends a deadline's time in force on a thread, giving back what was there before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Carries the deadline wherever Spring for GraphQL carries the request's context. */
    public static final class Accessor implements ThreadLocalAccessor<StorageDeadline> {

        @Override
        public Object key() {
            return CONTEXT_KEY;
        }

        @Override
        public @Nullable StorageDeadline getValue() {
            return CURRENT.get();
        }

        @Override
        public void setValue(StorageDeadline deadline) {
            CURRENT.set(deadline);
        }

        @Override
        public void setValue() {
            CURRENT.remove();
        }
    }
}
