package br.com.healthmed.specialty;

import org.springframework.modulith.NamedInterface;

/** A medical specialty: {@code code} is stable API, {@code name} the Portuguese display name. */
@NamedInterface("api")
public record Specialty(String code, String name) {}
