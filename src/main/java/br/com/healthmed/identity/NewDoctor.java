package br.com.healthmed.identity;

import java.util.List;
import java.util.Optional;

/**
 * A doctor's registration as typed: not yet validated. {@code idempotencyKey}, when given, makes a retry of
 * the same registration answer as the first attempt did ({@link RegistrationService#registerDoctor}).
 */
public record NewDoctor(String name, String crm, String password, List<String> specialties, Optional<String> idempotencyKey) {

    public NewDoctor(String name, String crm, String password, List<String> specialties) {
        this(name, crm, password, specialties, Optional.empty());
    }
}
