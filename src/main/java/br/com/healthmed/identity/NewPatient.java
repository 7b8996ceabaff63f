package br.com.healthmed.identity;

import java.time.LocalDate;
import java.util.Optional;

/** A patient's registration as typed: not yet validated. */
public record NewPatient(String name, String email, String cpf, String password, LocalDate birthDate, Optional<String> phone) {}
