package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a patient asks to share, with whom, until when (an instant, or a number of hours from now): files,
 * groups, the whole record's files, every consultation note, the notes and documents of chosen consultations.
 */
public record NewShare(
        AccountId doctor,
        List<FileId> files,
        List<GroupId> groups,
        boolean allFiles,
        Optional<Instant> expiresAt,
        Optional<Integer> durationHours,
        Optional<String> note,
        boolean allNotes,
        List<AppointmentId> appointments) {

    public NewShare {
        files = files == null ? List.of() : List.copyOf(files);
        groups = groups == null ? List.of() : List.copyOf(groups);
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
    }

    /** A share of files only. */
    public NewShare(AccountId doctor, List<FileId> files, List<GroupId> groups, boolean allFiles, Optional<Instant> expiresAt,
                    Optional<Integer> durationHours, Optional<String> note) {
        this(doctor, files, groups, allFiles, expiresAt, durationHours, note, false, List.of());
    }
}
