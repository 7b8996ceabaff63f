package br.com.healthmed.telehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.identity.AccountId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link MeetingRooms} adapter promises. */
public abstract class MeetingRoomsContract {

    protected static final Instant START = Instant.parse("2026-03-10T13:00:00Z");
    protected static final Instant END = START.plus(Duration.ofMinutes(50));
    protected static final MeetingParticipant DOCTOR = new MeetingParticipant(AccountId.random(), "Dra. Helena Prado", true);
    protected static final MeetingParticipant PATIENT = new MeetingParticipant(AccountId.random(), "Ana Souza", false);

    protected abstract MeetingRooms rooms();

    /** The display name the meeting shows for whoever follows this link. */
    protected abstract String displayedName(URI joinUrl);

    /** The room this link enters. */
    protected abstract String roomIn(URI joinUrl);

    @Test
    void aRoomOpensFifteenMinutesBeforeTheStartAndClosesAtTheEnd() {
        MeetingRoom room = rooms().open(START, END);

        assertThat(room.opensAt()).isEqualTo(START.minus(Duration.ofMinutes(15)));
        assertThat(room.closesAt()).isEqualTo(END);
        assertThat(room.isOpenAt(START.minus(Duration.ofMinutes(16)))).isFalse();
        assertThat(room.isOpenAt(START.minus(Duration.ofMinutes(15)))).isTrue();
        assertThat(room.isOpenAt(END.minusNanos(1))).isTrue();
        assertThat(room.isOpenAt(END)).isFalse();
    }

    @Test
    void aConsultationMustEndAfterItStarts() {
        assertThatThrownBy(() -> rooms().open(START, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rooms().open(END, START)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roomNamesAreUrlSafeDistinctAndCarryAtLeast128RandomBitsEvenIgnoringCase() {
        List<String> names = IntStream.range(0, 10_000).mapToObj(i -> rooms().open(START, END).name()).toList();

        assertThat(names).allMatch(name -> name.matches("[A-Za-z0-9_-]+"), "URL-safe without encoding");
        // Some providers (Jitsi among them) treat room names case-insensitively: count only what survives that.
        List<String> folded = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        assertThat(new HashSet<>(folded)).hasSize(names.size());
        assertThat(observedBits(folded)).isGreaterThanOrEqualTo(128.0);
    }

    /**
     * An upper estimate of a name's entropy from a sample: the sum, over positions, of log2 of the
     * number of distinct characters seen there. A counter, a timestamp or a fixed prefix scores low;
     * 10,000 samples see every one of up to 64 symbols at a uniformly random position (the chance of
     * missing one is below 10^-60).
     */
    private static double observedBits(List<String> names) {
        List<Set<Character>> seen = new ArrayList<>();
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                if (seen.size() == i) {
                    seen.add(new HashSet<>());
                }
                seen.get(i).add(name.charAt(i));
            }
        }
        return seen.stream().mapToDouble(symbols -> Math.log(symbols.size()) / Math.log(2)).sum();
    }

    @Test
    void bothParticipantsJoinTheSameRoomWithTheirOwnNames() {
        MeetingRoom room = rooms().open(START, END);

        URI doctor = rooms().joinUrl(room, DOCTOR);
        URI patient = rooms().joinUrl(room, PATIENT);

        assertThat(roomIn(doctor)).isEqualTo(room.name());
        assertThat(roomIn(patient)).isEqualTo(room.name());
        assertThat(displayedName(doctor)).isEqualTo("Dra. Helena Prado");
        assertThat(displayedName(patient)).isEqualTo("Ana Souza");
        assertThat(doctor).isNotEqualTo(patient);
        assertThat(doctor.getScheme()).isEqualTo("https");
    }

    @Test
    void aDisplayNameCannotBreakOutOfItsPlaceInTheLink() {
        MeetingRoom room = rooms().open(START, END);
        String hostile = " José \"Zé\" d'Ávila & Filhos?/#x=1\\ <b>\n\t 😀 \u202Eevil\u200B ";
        MeetingParticipant participant = new MeetingParticipant(AccountId.random(), hostile, false);

        URI link = rooms().joinUrl(room, participant);
        URI plain = rooms().joinUrl(room, new MeetingParticipant(participant.accountId(), "Plain", false));

        assertThat(link.getHost()).isEqualTo(plain.getHost());
        assertThat(link.getRawPath()).isEqualTo(plain.getRawPath());
        assertThat(roomIn(link)).isEqualTo(room.name());
        assertThat(link.toASCIIString()).isEqualTo(link.toString()).doesNotContain(" ", "\"", "<", "\n", "\\");
        assertThat(displayedName(link)).isEqualTo("José \"Zé\" d'Ávila & Filhos?/#x=1\\ <b> 😀 evil");
    }

    @Test
    void aVeryLongNameIsShortened() {
        MeetingRoom room = rooms().open(START, END);
        String name = "Maria " + "Aparecida ".repeat(40);

        String shown = displayedName(rooms().joinUrl(room, new MeetingParticipant(AccountId.random(), name, false)));

        assertThat(shown).startsWith("Maria Aparecida Aparecida");
        assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(80);
    }
}
