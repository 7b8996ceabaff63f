package br.com.healthmed.platform.graphql.connection;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The argument rules of every connection, in one place: {@code first} and {@code last} are 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE} when neither is given); {@code first} goes with
 * {@code after}, {@code last} with {@code before}, and the two directions are never mixed in one request.
 * Every refusal is {@code BAD_USER_INPUT} naming the argument in {@code extensions.field}.
 */
public final class Pagination {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Pagination() {}

    /** A list read forwards only (its schema has no {@code last}/{@code before}). */
    public static <P> PageRequest<P> forward(CursorCodec<P> codec, @Nullable Integer first, @Nullable String after) {
        return new PageRequest<>(PageRequest.Direction.FORWARD, size(first, "first"), decode(codec, after, "after"));
    }

    /** A list read either way: {@code first}/{@code after} or {@code last}/{@code before}. */
    public static <P> PageRequest<P> of(CursorCodec<P> codec, @Nullable Integer first, @Nullable String after,
                                        @Nullable Integer last, @Nullable String before) {
        if (first != null && last != null) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "last",
                    "Give first (with after) to read forwards or last (with before) to read backwards, not both.");
        }
        if (last == null && before == null) {
            return forward(codec, first, after);
        }
        if (after != null) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "after goes with first; with last, use before.");
        }
        if (first != null) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "before", "before goes with last; with first, use after.");
        }
        return new PageRequest<>(PageRequest.Direction.BACKWARD, size(last, "last"), decode(codec, before, "before"));
    }

    /** A page size given as {@code field}: {@value #DEFAULT_SIZE} if null, refused outside 1 to {@value #MAX_SIZE}. */
    public static int size(@Nullable Integer requested, String field) {
        return size(requested, DEFAULT_SIZE, field);
    }

    /** A page size with a default of its own (a list whose default predates these rules). */
    public static int size(@Nullable Integer requested, int byDefault, String field) {
        int size = requested == null ? byDefault : requested;
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, field + " must be between 1 and " + MAX_SIZE + ".");
        }
        return size;
    }

    private static <P> Optional<P> decode(CursorCodec<P> codec, @Nullable String cursor, String field) {
        return cursor == null ? Optional.empty() : Optional.of(codec.decode(cursor, field));
    }
}
