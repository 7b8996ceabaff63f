package br.com.healthmed.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code healthmed.consent.teleconsultation.*}: the consent in force. Publishing a new text means a
 * new {@code version} (and a new resource): every patient is then asked to accept it again. Each
 * acceptance also keeps the text's SHA-256, so which words were accepted is provable even if a text
 * were changed without a new version.
 *
 * @param version the current version's label, e.g. {@code 1}
 * @param text    the Portuguese text, UTF-8
 */
@ConfigurationProperties("healthmed.consent.teleconsultation")
public record ConsentProperties(
        @DefaultValue("1") String version,
        @DefaultValue("classpath:consent/tcle-1.txt") Resource text) {}
