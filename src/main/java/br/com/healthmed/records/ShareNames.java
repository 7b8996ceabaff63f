package br.com.healthmed.records;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How a share reads in the access log: "'cardiologia'", "2 files", "your whole record". */
final class ShareNames {

    private ShareNames() {}

    /** The whole scope of a share, for share and revoke entries. */
    static String of(ShareScope scope, Map<GroupId, RecordGroup> groups) {
        if (scope.allFiles()) {
            return "your whole record";
        }
        String groupNames = names(scope.groups().stream(), groups);
        String files = scope.files().isEmpty() ? "" : scope.files().size() == 1 ? "1 file" : scope.files().size() + " files";
        return groupNames.isEmpty() ? files : files.isEmpty() ? groupNames : groupNames + " and " + files;
    }

    /** The part of a share that let its doctor open {@code file}: the groups it is in, or the file itself. */
    static String via(ShareScope scope, RecordFile file, Map<GroupId, RecordGroup> groups) {
        if (scope.allFiles()) {
            return "your whole record";
        }
        String groupNames = names(file.groups().stream().filter(scope.groups()::contains), groups);
        return groupNames.isEmpty() ? "'" + file.fileName() + "'" : groupNames;
    }

    private static String names(java.util.stream.Stream<GroupId> ids, Map<GroupId, RecordGroup> groups) {
        return ids.map(groups::get).filter(Objects::nonNull)
                .map(group -> "'" + group.name() + "'")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
