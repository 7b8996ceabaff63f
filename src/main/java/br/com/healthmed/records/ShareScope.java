package br.com.healthmed.records;

import java.util.Set;

/**
 * What a share covers: the whole record, chosen files, chosen groups, or a mix. Groups are read at
 * the moment of access: a file added to a shared group is shared, one removed from it is not.
 */
public record ShareScope(boolean allFiles, Set<FileId> files, Set<GroupId> groups) {

    public ShareScope {
        files = Set.copyOf(files);
        groups = Set.copyOf(groups);
    }

    public boolean isEmpty() {
        return !allFiles && files.isEmpty() && groups.isEmpty();
    }

    public boolean covers(RecordFile file) {
        return allFiles || files.contains(file.id()) || file.groups().stream().anyMatch(groups::contains);
    }
}
