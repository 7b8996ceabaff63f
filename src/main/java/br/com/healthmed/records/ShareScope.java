package br.com.healthmed.records;

import br.com.healthmed.scheduling.AppointmentId;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * What a share covers: the whole record's files, chosen files, chosen groups, every consultation note,
 * the notes and issued documents of chosen consultations, or a mix. Groups are read at the moment of
 * access: a file added to a shared group is shared, one removed from it is not. Documents a doctor
 * issued are files of the record: {@code allFiles}, a group holding one, or its id in {@code files}
 * covers it, and so does its consultation in {@code appointments}.
 */
@NamedInterface("api")
public record ShareScope(boolean allFiles, Set<FileId> files, Set<GroupId> groups, boolean allNotes,
                         Set<AppointmentId> appointments) {

    public ShareScope {
        files = Set.copyOf(files);
        groups = Set.copyOf(groups);
        appointments = Set.copyOf(appointments);
    }

    /** A share of files only (as shares were before notes existed). */
    public ShareScope(boolean allFiles, Set<FileId> files, Set<GroupId> groups) {
        this(allFiles, files, groups, false, Set.of());
    }

    public boolean isEmpty() {
        return !allFiles && files.isEmpty() && groups.isEmpty() && !allNotes && appointments.isEmpty();
    }

    public boolean covers(RecordFile file) {
        return allFiles || files.contains(file.id()) || file.groups().stream().anyMatch(groups::contains)
                || file.issued().filter(by -> appointments.contains(by.appointment())).isPresent();
    }

    public boolean covers(ConsultationNote note) {
        return allNotes || appointments.contains(note.appointment());
    }
}
