package br.com.healthmed.records.api;

import br.com.healthmed.records.NewNote;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The {@code ConsultationNoteInput} of the schema. The bounds here only stop absurd payloads early; the
 * service applies the real limits (and says which field).
 */
record ConsultationNoteInput(
        @NotNull @Size(max = 4000) String reason,
        @Size(max = 200_000) String history,
        @Size(max = 200_000) String findings,
        @NotNull @Size(max = 200_000) String assessment,
        @Size(max = 100) List<@Size(max = 40) String> icd10Codes,
        @Size(max = 200_000) String plan) {

    NewNote toNewNote() {
        return new NewNote(reason, history, findings, assessment, icd10Codes, plan);
    }
}
