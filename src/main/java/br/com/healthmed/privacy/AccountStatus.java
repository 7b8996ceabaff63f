package br.com.healthmed.privacy;

/** Whether an account is in use, deactivated by its owner (within or past the grace), or anonymised. */
public enum AccountStatus {
    ACTIVE,
    DEACTIVATED,
    ANONYMISED
}
