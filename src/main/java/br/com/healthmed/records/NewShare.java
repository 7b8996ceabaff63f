package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a patient asks to share, with whom, until when (an instant, or a number of hours from now). */
public record NewShare(
        AccountId doctor,
        List<FileId> files,
        List<GroupId> groups,
        boolean allFiles,
        Optional<Instant> expiresAt,
        Optional<Integer> durationHours,
        Optional<String> note) {

    public NewShare {
        files = files == null ? List.of() : List.copyOf(files);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
