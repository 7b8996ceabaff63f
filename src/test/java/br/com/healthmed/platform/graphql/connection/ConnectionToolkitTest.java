package br.com.healthmed.platform.graphql.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cursor codec, the argument rules and the page info every connection of the API is built with. */
class ConnectionToolkitTest {

    /** Its reader throws NumberFormatException for what is not a number, as a module's parser may. */
    private static final CursorCodec<Integer> NUMBERS = CursorCodec.of("numbers", Object::toString,
            text -> Optional.of(Integer.valueOf(text)).filter(n -> n >= 0));
    private static final CursorCodec<String> LETTERS = CursorCodec.ofText("letters", text -> text.matches("[a-z]+"));

    @Test
    void aCursorDecodesToThePositionItWasMadeOf() {
        String cursor = NUMBERS.encode(42);

        assertThat(NUMBERS.decode(cursor, "after")).isEqualTo(42);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("42");
    }

    @Test
    void anEditedTruncatedForeignOrOldCursorIsBadUserInputNamingTheArgument() {
        String cursor = NUMBERS.encode(42);
        String edited = base64("v1:numbers:4x2");
        String otherList = LETTERS.encode("abc");
        String otherVersion = base64("v0:numbers:42");

        for (String bad : List.of(edited, otherList, otherVersion, cursor.substring(0, cursor.length() - 3), "not base64!",
                "", base64("v1:numbers:"), "x".repeat(5_000), Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, 0x3a}))) {
            assertRefused(() -> NUMBERS.decode(bad, "before"), "before");
        }
        assertRefused(() -> NUMBERS.decode(base64("v1:numbers:99999999999"), "after"), "after"); // too big: the reader throws
    }

    @Test
    void aRefusalNeverEchoesTheCursor() {
        String secretLooking = base64("v1:numbers:<script>");
        assertThatThrownBy(() -> NUMBERS.decode(secretLooking, "after")).hasMessageNotContaining(secretLooking)
                .hasMessageNotContaining("<script>");
    }

    @Test
    void firstAndLastAreOneToAHundredAndTwentyByDefault() {
        assertThat(Pagination.forward(NUMBERS, null, null).size()).isEqualTo(20);
        assertThat(Pagination.of(NUMBERS, null, null, null, null)).isEqualTo(new PageRequest<>(PageRequest.Direction.FORWARD, 20, Optional.empty()));
        assertThat(Pagination.of(NUMBERS, null, null, 100, null).size()).isEqualTo(100);
        assertThat(Pagination.of(NUMBERS, 1, null, null, null).size()).isEqualTo(1);
        assertRefused(() -> Pagination.forward(NUMBERS, 0, null), "first");
        assertRefused(() -> Pagination.forward(NUMBERS, 101, null), "first");
        assertRefused(() -> Pagination.of(NUMBERS, null, null, 0, null), "last");
        assertRefused(() -> Pagination.of(NUMBERS, null, null, -5, null), "last");
    }

    @Test
    void lastOrBeforeReadBackwardsAndADefaultSizeAppliesWithBeforeAlone() {
        PageRequest<Integer> request = Pagination.of(NUMBERS, null, null, null, NUMBERS.encode(7));

        assertThat(request).isEqualTo(new PageRequest<>(PageRequest.Direction.BACKWARD, 20, Optional.of(7)));
    }

    @Test
    void theTwoDirectionsAreNeverMixed() {
        assertRefused(() -> Pagination.of(NUMBERS, 10, null, 10, null), "last");
        assertRefused(() -> Pagination.of(NUMBERS, null, NUMBERS.encode(1), 10, null), "after");
        assertRefused(() -> Pagination.of(NUMBERS, null, NUMBERS.encode(1), null, NUMBERS.encode(5)), "after");
        assertRefused(() -> Pagination.of(NUMBERS, 10, null, null, NUMBERS.encode(5)), "before");
    }

    @Test
    void aForwardPageSaysWhetherMoreFollowsAndThatItStartedAfterACursor() {
        PageRequest<Integer> request = Pagination.forward(NUMBERS, 2, NUMBERS.encode(3));

        Connection<String> page = Connection.of(request, NUMBERS, List.of("four", "five"), List.of(4, 5), true, Optional.empty());

        assertThat(page.edges()).extracting(Edge::node).containsExactly("four", "five");
        assertThat(page.edges()).extracting(edge -> NUMBERS.decode(edge.cursor(), "after")).containsExactly(4, 5);
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(true, true, NUMBERS.encode(4), NUMBERS.encode(5)));
    }

    @Test
    void aBackwardPageKeepsTheListsOrderAndSaysWhetherMorePrecedes() {
        PageRequest<Integer> request = Pagination.of(NUMBERS, null, null, 2, NUMBERS.encode(6));

        // read from 6 towards the start: 5, then 4
        Connection<String> page = Connection.of(request, NUMBERS, List.of("five", "four"), List.of(5, 4), true, Optional.empty());

        assertThat(page.edges()).extracting(Edge::node).containsExactly("four", "five");
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(true, true, NUMBERS.encode(4), NUMBERS.encode(5)));
        assertThat(Connection.of(Pagination.of(NUMBERS, null, null, 2, null), NUMBERS, List.of("two", "one"), List.of(2, 1),
                false, Optional.empty()).pageInfo()).isEqualTo(new PageInfo(false, false, NUMBERS.encode(1), NUMBERS.encode(2)));
    }

    @Test
    void aFilteredListGoesOnFromWhereItStoppedReadingEvenAfterAnEmptyPage() {
        Connection<String> forward = Connection.of(Pagination.forward(NUMBERS, 2, null), NUMBERS, List.of(), List.of(), true, Optional.of(900));
        Connection<String> backward = Connection.of(Pagination.of(NUMBERS, null, null, 2, null), NUMBERS, List.of("nine"), List.of(9),
                true, Optional.of(3));

        assertThat(forward.pageInfo()).isEqualTo(new PageInfo(true, false, null, NUMBERS.encode(900)));
        assertThat(backward.pageInfo()).isEqualTo(new PageInfo(false, true, NUMBERS.encode(3), NUMBERS.encode(9)));
    }

    @Test
    void anEmptyPageHasNoCursors() {
        Connection<String> page = Connection.of(Pagination.forward(NUMBERS, null, null), NUMBERS, List.<String>of(), n -> 0, false);

        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(false, false, null, null));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.extensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", field);
        });
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
