package br.com.healthmed.records;

import java.util.List;

/** What a patient says about a file before uploading it. */
public record NewUpload(String fileName, String contentType, long sizeBytes, FileCategory category, List<GroupId> groups) {

    public NewUpload {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
