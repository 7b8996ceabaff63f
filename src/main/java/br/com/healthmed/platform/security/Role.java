package br.com.healthmed.platform.security;

/** Who an authenticated caller is: the two kinds of account. */
public enum Role {
    PATIENT,
    DOCTOR
}
