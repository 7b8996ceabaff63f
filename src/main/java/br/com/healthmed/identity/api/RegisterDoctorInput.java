package br.com.healthmed.identity.api;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code RegisterDoctorInput} as the client sent it; sizes bounded, content validated by the domain. */
record RegisterDoctorInput(
        @Size(max = 200) String name,
        @Size(max = 30) String crm,
        @Size(max = 512) String password,
        @Size(max = 20) List<@Size(max = 60) String> specialties,
        @Nullable String idempotencyKey) {}
