package br.com.healthmed.consent;

import org.springframework.modulith.NamedInterface;

/** A version of the teleconsultation consent: its label, the text, and the SHA-256 (hex) of the text. */
@NamedInterface("api")
public record ConsentText(String version, String text, String textSha256) {}
