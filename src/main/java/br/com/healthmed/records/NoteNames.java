package br.com.healthmed.records;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a consultation note is named where a file would be by its name: "the consultation note of 01/12/2026". */
final class NoteNames {

    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private NoteNames() {}

    static String of(ConsultationNote note) {
        return "the consultation note of " + DAY.format(note.appointmentStart().atZone(BRASILIA));
    }
}
