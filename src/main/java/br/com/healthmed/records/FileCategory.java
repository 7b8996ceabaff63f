package br.com.healthmed.records;

/** What a file is, as the patient files it. */
public enum FileCategory {
    EXAM,
    REPORT,
    PRESCRIPTION,
    VACCINATION_CARD,
    IMAGE,
    OTHER
}
