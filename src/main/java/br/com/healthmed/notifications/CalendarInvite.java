package br.com.healthmed.notifications;

import br.com.healthmed.scheduling.AppointmentId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5545 iCalendar object for one consultation. Its UID is derived from the appointment alone,
 * so every message about one consultation names the same calendar entry, and its SEQUENCE grows with
 * the time of the change it announces ({@link #sequenceOf}), so a calendar app applies an update or a
 * cancellation over the entry it has instead of adding a second one. Times are local times of the
 * doctor's zone with {@code TZID} and the zone's {@code VTIMEZONE}.
 */
public final class CalendarInvite {

    /** {@code REQUEST} invites or updates, {@code CANCEL} removes, {@code PUBLISH} is a plain "add to calendar" file. */
    public enum Method { REQUEST, CANCEL, PUBLISH }

    /** SEQUENCE counts half-seconds since this instant: it fits a 32-bit integer until 2058. */
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    /**
     * @param changedAt when the change this invite announces happened (DTSTAMP, and the SEQUENCE)
     * @param attendee  the person the invite is for, when it is sent to them
     */
    public record Entry(AppointmentId appointmentId, Instant start, Instant end, ZoneId zone, String summary,
                        String description, URI link, String organizerAddress, Optional<Attendee> attendee,
                        Instant changedAt) {
        public Entry {
            Objects.requireNonNull(appointmentId);
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            Objects.requireNonNull(zone);
            Objects.requireNonNull(summary);
            Objects.requireNonNull(description);
            Objects.requireNonNull(link);
            Objects.requireNonNull(organizerAddress);
            Objects.requireNonNull(attendee);
            Objects.requireNonNull(changedAt);
        }
    }

    public record Attendee(String name, String address) {}

    private CalendarInvite() {}

    /** The calendar entry's UID: the same for every message about one appointment. */
    public static String uid(AppointmentId appointmentId) {
        return appointmentId + "@healthmed.com.br";
    }

    /**
     * Later changes get higher numbers; a cancellation made in the same second as the invite it
     * withdraws still outranks it.
     */
    public static long sequenceOf(Instant changedAt, Method method) {
        long halfSeconds = Duration.between(SEQUENCE_EPOCH, changedAt).getSeconds() * 2;
        return Math.max(0, halfSeconds + (method == Method.CANCEL ? 1 : 0));
    }

    /** The {@code text/calendar} content type of an invite with this method, as e-mail attachments carry it. */
    public static String contentType(Method method) {
        return "text/calendar; method=" + method + "; charset=UTF-8";
    }

    public static byte[] bytes(Method method, Entry entry) {
        return text(method, entry).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(Method method, Entry entry) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Health&Med//Consultas//PT-BR");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method);
        lines.addAll(timeZone(entry.zone(), entry.start()));
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uid(entry.appointmentId()));
        lines.add("SEQUENCE:" + sequenceOf(entry.changedAt(), method));
        lines.add("DTSTAMP:" + UTC.format(entry.changedAt()));
        lines.add("DTSTART;TZID=" + entry.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(entry.start(), entry.zone())));
        lines.add("DTEND;TZID=" + entry.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(entry.end(), entry.zone())));
        lines.add("SUMMARY:" + escape(entry.summary()));
        lines.add("DESCRIPTION:" + escape(entry.description()));
        lines.add("LOCATION:" + escape("Online - Health&Med"));
        lines.add("URL:" + entry.link());
        lines.add("STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        lines.add("TRANSP:OPAQUE");
        if (method != Method.PUBLISH) {
            lines.add("ORGANIZER;CN=Health&Med:mailto:" + entry.organizerAddress());
            entry.attendee().ifPresent(a -> lines.add("ATTENDEE;CN=" + quoted(a.name())
                    + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + a.address()));
        }
        if (method != Method.CANCEL) {
            lines.add("BEGIN:VALARM");
            lines.add("ACTION:DISPLAY");
            lines.add("DESCRIPTION:" + escape(entry.summary()));
            lines.add("TRIGGER:-PT30M");
            lines.add("END:VALARM");
        }
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(fold(line)).append("\r\n"));
        return text.toString();
    }

    /**
     * The zone's observances around the consultation: its offset alone when it has no transition within
     * a year either side (America/Sao_Paulo since 2019), else each transition of that period.
     */
    private static List<String> timeZone(ZoneId zone, Instant around) {
        ZoneRules rules = zone.getRules();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        Instant from = around.minus(Duration.ofDays(366));
        Instant to = around.plus(Duration.ofDays(366));
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(around);
            lines.addAll(observance("STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
        } else {
            for (ZoneOffsetTransition t : transitions) {
                boolean daylight = rules.isDaylightSavings(t.getInstant());
                lines.addAll(observance(daylight ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter()));
            }
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private static List<String> observance(String kind, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        return List.of("BEGIN:" + kind, "DTSTART:" + LOCAL.format(start), "TZOFFSETFROM:" + offset(from),
                "TZOFFSETTO:" + offset(to), "END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, (abs % 3600) / 60);
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545, 3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value in quotes, without the characters a quoted value cannot hold. */
    private static String quoted(String value) {
        return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }

    /** Lines longer than 75 octets continue on the next line after CRLF and a space (RFC 5545, 3.1), never inside a character. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
