package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.util.List;
import java.util.Map;

/**
 * What one patient currently shares with a doctor: the active grants, the files they cover now, and
 * the names of the shared groups.
 */
public record SharedRecord(AccountId patient, List<Grant> grants, List<RecordFile> files, Map<GroupId, String> groupNames) {

    public SharedRecord {
        grants = List.copyOf(grants);
        files = List.copyOf(files);
        groupNames = Map.copyOf(groupNames);
    }
}
