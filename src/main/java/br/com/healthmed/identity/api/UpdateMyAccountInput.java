package br.com.healthmed.identity.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code UpdateMyAccountInput} as sent: sizes bounded here, content validated by the domain. */
record UpdateMyAccountInput(
        @Size(max = 200) String name,
        @Size(max = 30) String phone,
        LocalDate birthDate,
        @Size(max = 600) String birthDateReason) {}
