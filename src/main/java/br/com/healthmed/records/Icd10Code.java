package br.com.healthmed.records;

import java.util.Objects;

/**
 * A CID-10 (ICD-10) code of a note's assessment, as the doctor chose it ({@code I10}, {@code J45.9}),
 * with the description of its category in the bundled list.
 */
public record Icd10Code(String code, String description) {

    public Icd10Code {
        Objects.requireNonNull(code);
        Objects.requireNonNull(description);
    }
}
