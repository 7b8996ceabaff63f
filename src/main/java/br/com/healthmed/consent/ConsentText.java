package br.com.healthmed.consent;

/** A version of the teleconsultation consent: its label, the text, and the SHA-256 (hex) of the text. */
public record ConsentText(String version, String text, String textSha256) {}
