package br.com.healthmed.records.api;

import br.com.healthmed.platform.IdempotencyKeys;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The {@code ShareRecordInput} of the schema; the service checks scope and expiry. */
record ShareRecordInput(
        @NotNull UUID doctorId,
        @Size(max = 100) List<UUID> fileIds,
        @Size(max = 50) List<UUID> groupIds,
        Boolean allFiles,
        OffsetDateTime expiresAt,
        Integer durationHours,
        @Size(max = 2000) String note,
        Boolean allNotes,
        @Size(max = 50) List<UUID> appointmentIds,
        @Pattern(regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE) String idempotencyKey) {}
