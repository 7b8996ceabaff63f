package br.com.healthmed.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How a share reads in the access log: "'cardiologia'", "2 files", "your whole record". */
final class ShareNames {

    private ShareNames() {}

    /** The whole scope of a share, for share and revoke entries. */
    static String of(ShareScope scope, Map<GroupId, RecordGroup> groups) {
        List<String> parts = new ArrayList<>();
        if (scope.allFiles()) {
            parts.add(scope.allNotes() ? "your whole record" : "all your files");
        } else {
            String groupNames = names(scope.groups().stream(), groups);
            if (!groupNames.isEmpty()) {
                parts.add(groupNames);
            }
            if (!scope.files().isEmpty()) {
                parts.add(scope.files().size() == 1 ? "1 file" : scope.files().size() + " files");
            }
        }
        if (scope.allNotes() && !scope.allFiles()) {
            parts.add("your consultation notes");
        }
        if (!scope.appointments().isEmpty() && !(scope.allFiles() && scope.allNotes())) {
            parts.add(scope.appointments().size() == 1 ? "the notes and documents of 1 consultation"
                    : "the notes and documents of " + scope.appointments().size() + " consultations");
        }
        return String.join(" and ", parts);
    }

    /** The part of a share that let its doctor read {@code note}. */
    static String via(ShareScope scope, ConsultationNote note) {
        return scope.allNotes() ? (scope.allFiles() ? "your whole record" : "your consultation notes")
                : "the notes and documents of 1 consultation";
    }

    /** The part of a share that let its doctor open {@code file}: the groups it is in, or the file itself. */
    static String via(ShareScope scope, RecordFile file, Map<GroupId, RecordGroup> groups) {
        if (scope.allFiles()) {
            return scope.allNotes() ? "your whole record" : "all your files";
        }
        String groupNames = names(file.groups().stream().filter(scope.groups()::contains), groups);
        if (groupNames.isEmpty() && !scope.files().contains(file.id()) && file.isIssued()) {
            return "the notes and documents of 1 consultation";
        }
        return groupNames.isEmpty() ? "'" + file.fileName() + "'" : groupNames;
    }

    private static String names(java.util.stream.Stream<GroupId> ids, Map<GroupId, RecordGroup> groups) {
        return ids.map(groups::get).filter(Objects::nonNull)
                .map(group -> "'" + group.name() + "'")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
