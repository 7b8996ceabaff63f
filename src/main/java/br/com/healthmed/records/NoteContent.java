package br.com.healthmed.records;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a consultation note says (CFM Resolução 2.314/2022: what was found and decided): the reason for
 * the visit, the history, the findings, the assessment with its CID-10 codes, and the plan.
 */
public record NoteContent(String reason, Optional<String> history, Optional<String> findings, String assessment,
                          List<Icd10Code> diagnoses, Optional<String> plan) {

    public NoteContent {
        Objects.requireNonNull(reason);
        Objects.requireNonNull(history);
        Objects.requireNonNull(findings);
        Objects.requireNonNull(assessment);
        diagnoses = List.copyOf(diagnoses);
        Objects.requireNonNull(plan);
    }
}
