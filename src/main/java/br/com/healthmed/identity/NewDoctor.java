package br.com.healthmed.identity;

import java.util.List;

/** A doctor's registration as typed: not yet validated. */
public record NewDoctor(String name, String crm, String password, List<String> specialties) {}
