package br.com.healthmed.records.api;

import br.com.healthmed.records.FileCategory;
import br.com.healthmed.platform.IdempotencyKeys;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The {@code RequestFileUploadInput} of the schema; the service checks names, types and sizes. */
record RequestFileUploadInput(
        @NotNull @Size(max = 1000) String fileName,
        @NotNull @Size(max = 200) String contentType,
        @NotNull Long sizeBytes,
        @NotNull FileCategory category,
        @Size(max = 50) List<UUID> groupIds,
        @Pattern(regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE) String idempotencyKey) {}
