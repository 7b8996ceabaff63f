package br.com.healthmed.specialty;

/** A medical specialty: {@code code} is stable API, {@code name} the Portuguese display name. */
public record Specialty(String code, String name) {}
