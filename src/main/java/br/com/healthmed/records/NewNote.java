package br.com.healthmed.records;

import java.util.List;

/** A note as the doctor types it, before it is checked: free texts (some optional: null) and CID-10 codes. */
public record NewNote(String reason, String history, String findings, String assessment, List<String> icd10Codes, String plan) {

    public NewNote {
        icd10Codes = icd10Codes == null ? List.of() : List.copyOf(icd10Codes);
    }
}
