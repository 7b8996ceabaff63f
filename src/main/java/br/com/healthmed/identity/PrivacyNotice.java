package br.com.healthmed.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code healthmed.lgpd.privacy-notice.*}: the privacy notice the API serves ({@code privacyNotice}),
 * from configuration so that the controller's legal team changes it without a release. The default
 * text (Portuguese) is in application.yml; a changed text gets a new {@code version}.
 */
@ConfigurationProperties("healthmed.lgpd.privacy-notice")
public record PrivacyNotice(String controller, String dpoContact, String text, String version) {

    public PrivacyNotice {
        require(controller, "controller");
        require(dpoContact, "dpo-contact");
        require(text, "text");
        require(version, "version");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("healthmed.lgpd.privacy-notice." + name + " must be set");
        }
    }
}
