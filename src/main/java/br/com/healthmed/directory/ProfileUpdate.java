package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.List;

/**
 * A doctor's profile as typed: not yet validated. It replaces the whole profile; a field left out
 * is cleared, or takes its default (time zone America/Sao_Paulo, 50-minute consultations).
 */
public record ProfileUpdate(
        List<String> specialties,
        BigDecimal consultationPrice,
        String bio,
        List<String> languages,
        String officeAddress,
        Double latitude,
        Double longitude,
        String timeZone,
        Integer consultationDurationMinutes,
        String email,
        Boolean showEmail,
        String phone,
        Boolean showPhone) {}
