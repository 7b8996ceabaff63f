package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A doctor's profile as typed: not yet validated. It replaces the whole profile; a field left out
 * is cleared, or takes its default (time zone America/Sao_Paulo, 50-minute consultations).
 */
public record ProfileUpdate(
        @Nullable List<String> specialties,
        @Nullable BigDecimal consultationPrice,
        @Nullable String bio,
        @Nullable List<String> languages,
        @Nullable String officeAddress,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String timeZone,
        @Nullable Integer consultationDurationMinutes,
        @Nullable String email,
        @Nullable Boolean showEmail,
        @Nullable String phone,
        @Nullable Boolean showPhone) {}
