package br.com.healthmed.identity.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code RegisterPatientInput} as the client sent it. Bean Validation only bounds sizes here, so huge
 * strings never reach a parser or the password hash; the domain validates the content.
 */
record RegisterPatientInput(
        @Size(max = 200) String name,
        @Size(max = 254) String email,
        @Size(max = 20) String cpf,
        @Size(max = 512) String password,
        LocalDate birthDate,
        @Size(max = 30) String phone) {}
