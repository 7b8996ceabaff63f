package br.com.healthmed.platform.storage;

import io.micrometer.context.ThreadLocalAccessor;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The instant by which a GraphQL request's storage calls must be done, whatever their number: each
 * DynamoDB or S3 metadata call made for the request is bounded by what is left of it ({@link StorageGuard}),
 * on top of the client's own per-call bound, and a call when nothing is left fails at once as
 * {@code STORAGE_UNAVAILABLE}. Without it a request making four calls while DynamoDB stalls answered after
 * four times the per-call second (docs/reliability.md, "DynamoDB").
 *
 * <p>It is a thread-local, so the SDK's interceptor finds it on the thread that makes the call. Its
 * {@link Accessor} is a Micrometer context-propagation {@link ThreadLocalAccessor} (registered in
 * {@code META-INF/services}): Spring for GraphQL captures registered thread-locals when a request enters
 * its handler and restores them around every data fetcher and batch loader, on whichever thread they
 * run. Work handed to a plain executor of our own does not carry it; its calls keep the per-call bound.
 * Outside a request (sweeps, relays, start-up) there is no deadline and nothing changes.
 */
public final class StorageDeadline {

    private static final ThreadLocal<@Nullable Long> DEADLINE = new ThreadLocal<>();

    private StorageDeadline() {}

    /** Storage calls on this thread must be done within {@code budget} from now, until the scope is closed. */
    public static Scope within(Duration budget) {
        return until(System.nanoTime() + budget.toNanos());
    }

    /** Storage calls on this thread must be done by {@code deadlineNanos} ({@link System#nanoTime()}), until the scope is closed. */
    public static Scope until(long deadlineNanos) {
        @Nullable Long previous = DEADLINE.get();
        DEADLINE.set(deadlineNanos);
        return () -> {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        };
    }

    /** What is left of this thread's deadline, in nanoseconds (zero or less: spent); null without a deadline. */
    static @Nullable Long remainingNanos() {
        @Nullable Long deadline = DEADLINE.get();
        return deadline == null ? null : deadline - System.nanoTime();
    }

    /** Ends a deadline, giving back the one (or none) that was there before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Carries the deadline wherever Spring for GraphQL carries the request's context. */
    public static final class Accessor implements ThreadLocalAccessor<Long> {

        static final String KEY = "healthmed.storage-deadline";

        @Override
        public Object key() {
            return KEY;
        }

        @Override
        public @Nullable Long getValue() {
            return DEADLINE.get();
        }

        @Override
        public void setValue(Long deadlineNanos) {
            DEADLINE.set(deadlineNanos);
        }

        @Override
        public void setValue() {
            DEADLINE.remove();
        }
    }
}
