package br.com.healthmed.platform.graphql.connection;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one cursor format of the API: base64url (no padding) of {@code v1:<list>:<position>}. The version
 * lets the format change without misreading old cursors; the list name refuses a cursor of another list;
 * the position is the module's own (its store's sort key, a search's last hit). Clients treat cursors as
 * opaque. Whatever does not decode to a position of this list (edited, truncated, from another list or an
 * older format) is {@code BAD_USER_INPUT} with {@code field} {@code after} or {@code before}: never a
 * server error, and never echoed back.
 */
public final class CursorCodec<P> {

    static final String VERSION = "v1";
    /** Longer than any cursor we hand out; a longer one is refused before it is decoded. */
    static final int MAX_LENGTH = 1_024;

    private final String list;
    private final Function<P, String> writer;
    private final Function<String, Optional<P>> reader;

    private CursorCodec(String list, Function<P, String> writer, Function<String, Optional<P>> reader) {
        if (list.isEmpty() || list.contains(":")) {
            throw new IllegalArgumentException("A list name is a non-empty word without ':'");
        }
        this.list = list;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * The codec of one list. {@code reader} gives the position a text stands for, or empty (or throws
     * {@link IllegalArgumentException}) when it is not one.
     */
    public static <P> CursorCodec<P> of(String list, Function<P, String> writer, Function<String, Optional<P>> reader) {
        return new CursorCodec<>(list, writer, reader);
    }

    /** The codec of a list whose positions are texts of a known shape (a store's sort keys). */
    public static CursorCodec<String> ofText(String list, java.util.function.Predicate<String> wellFormed) {
        return new CursorCodec<>(list, Function.identity(), text -> Optional.of(text).filter(wellFormed));
    }

    public String encode(P position) {
        String text = VERSION + ":" + list + ":" + writer.apply(position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a client's cursor, given as the argument {@code field}; refused unless it is one of this list. */
    public P decode(String cursor, String field) {
        if (cursor.length() > MAX_LENGTH) {
            throw notACursor(field);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            String prefix = VERSION + ":" + list + ":";
            if (!text.startsWith(prefix)) {
                throw notACursor(field);
            }
            return reader.apply(text.substring(prefix.length())).orElseThrow(() -> notACursor(field));
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw notACursor(field);
        }
    }

    static DomainException notACursor(String field) {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field,
                "Not a cursor of this list; take " + field + " from this list's pageInfo or edges, or leave it out to start again.");
    }
}
