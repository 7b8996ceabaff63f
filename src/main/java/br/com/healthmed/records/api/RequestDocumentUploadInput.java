package br.com.healthmed.records.api;

import br.com.healthmed.records.DocumentKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The {@code RequestDocumentUploadInput} of the schema; the service checks name, type and size. */
record RequestDocumentUploadInput(
        @NotNull @Size(max = 1000) String fileName,
        @NotNull @Size(max = 200) String contentType,
        @NotNull Long sizeBytes,
        @NotNull DocumentKind kind) {}
