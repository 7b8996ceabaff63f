package br.com.healthmed.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.notifications.CalendarInvite.Method;
import br.com.healthmed.scheduling.AppointmentId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The iCalendar text calendar apps read: RFC 5545 lines, the doctor's zone, one UID, a growing SEQUENCE. */
class CalendarInviteTest {

    private static final AppointmentId APPOINTMENT = AppointmentId.of("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
    private static final Instant START = Instant.parse("2026-12-10T12:00:00Z");

    private static CalendarInvite.Entry entry(ZoneId zone, String summary, Instant changedAt) {
        return new CalendarInvite.Entry(APPOINTMENT, START, START.plus(Duration.ofMinutes(50)), zone, summary,
                "Consulta online pelo Health&Med.", URI.create("https://app.healthmed.example/consultas/" + APPOINTMENT),
                "nao-responda@healthmed.example", Optional.of(new CalendarInvite.Attendee("Ana Conceição", "ana@example.com")), changedAt);
    }

    @Test
    void anInviteIsAFiftyMinuteEventInTheDoctorsZoneWithItsTimeZoneDefinition() {
        String ics = CalendarInvite.text(Method.REQUEST, entry(ZoneId.of("America/Sao_Paulo"), "Consulta", START.minus(Duration.ofDays(2))));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:" + APPOINTMENT + "@healthmed.com.br\r\n",
                        "\r\nDTSTART;TZID=America/Sao_Paulo:20261210T090000\r\n", "\r\nDTEND;TZID=America/Sao_Paulo:20261210T095000\r\n",
                        "\r\nBEGIN:VTIMEZONE\r\nTZID:America/Sao_Paulo\r\nBEGIN:STANDARD\r\n", "TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\n",
                        "\r\nORGANIZER;CN=Health&Med:mailto:nao-responda@healthmed.example\r\n", "\r\nSTATUS:CONFIRMED\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void aZoneWithDaylightSavingTimeListsItsTransitionsAroundTheConsultation() {
        String ics = CalendarInvite.text(Method.REQUEST, entry(ZoneId.of("Europe/Lisbon"), "Consulta", START));

        assertThat(ics).contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n",
                "BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n",
                "DTSTART;TZID=Europe/Lisbon:20261210T120000");
    }

    @Test
    void aCancellationOutranksTheInviteOfTheSameSecondAndEveryLaterChangeOutranksBoth() {
        Instant confirmed = Instant.parse("2026-12-01T10:00:00Z");
        long invite = CalendarInvite.sequenceOf(confirmed, Method.REQUEST);

        assertThat(CalendarInvite.sequenceOf(confirmed, Method.CANCEL)).isGreaterThan(invite);
        assertThat(CalendarInvite.sequenceOf(confirmed.plusSeconds(1), Method.REQUEST))
                .isGreaterThan(CalendarInvite.sequenceOf(confirmed, Method.CANCEL));
        assertThat(CalendarInvite.sequenceOf(Instant.parse("2058-01-01T00:00:00Z"), Method.CANCEL)).isLessThan(Integer.MAX_VALUE);
        assertThat(CalendarInvite.text(Method.CANCEL, entry(ZoneId.of("America/Sao_Paulo"), "Consulta", confirmed)))
                .contains("\r\nMETHOD:CANCEL\r\n", "\r\nSTATUS:CANCELLED\r\n", "\r\nSEQUENCE:" + (invite + 1) + "\r\n");
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedAtSeventyFiveOctetsNeverInsideACharacter() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = "aãçéíõú, ;\\\nDr(a). Conceição 😀";
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int at = random.nextInt(alphabet.length());
            summary.appendCodePoint(alphabet.codePointAt(Character.isLowSurrogate(alphabet.charAt(at)) ? at - 1 : at));
        }
        String ics = CalendarInvite.text(Method.PUBLISH, entry(ZoneId.of("America/Sao_Paulo"), summary.toString(), START));

        assertThat(Arrays.stream(ics.split("\r\n"))).as("seed %d", seed)
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75))
                .allSatisfy(line -> assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).as("seed %d", seed).contains("SUMMARY:" + CalendarInvite.escape(summary.toString()) + "\r\n");
        assertThat(CalendarInvite.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }

    @Test
    void aPublishedFileHasNoOrganizerOrAttendee() {
        String ics = CalendarInvite.text(Method.PUBLISH, entry(ZoneId.of("America/Sao_Paulo"), "Consulta", START));

        assertThat(ics).contains("METHOD:PUBLISH").doesNotContain("ORGANIZER", "ATTENDEE", "ana@example.com");
    }
}
