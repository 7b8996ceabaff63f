package br.com.healthmed.consent;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The teleconsultation consent (TCLE): the current text, and who accepted it. Other modules ask
 * {@link #requireCurrent} before a booking or a meeting link, and {@link #currentAcceptances} to show
 * a doctor that the patient consented.
 */
@Service
@NamedInterface("api")
public class TeleconsultationConsent {

    private final ConsentStore store;
    private final SecurityLog securityLog;
    private final Clock clock;
    private final ConsentText current;

    public TeleconsultationConsent(ConsentStore store, ConsentProperties properties, SecurityLog securityLog, Clock clock) {
        this.store = store;
        this.securityLog = securityLog;
        this.clock = clock;
        String text = read(properties);
        this.current = new ConsentText(properties.version(), text, sha256(text));
    }

    public ConsentText current() {
        return current;
    }

    /**
     * The patient accepts {@code version}, which must be the current one ({@code CONSENT_VERSION_OUTDATED}
     * otherwise: the client showed an old text). Accepting again changes nothing.
     */
    public ConsentAcceptance accept(AccountId patient, String version, Optional<String> clientAddress) {
        if (!current.version().equals(version)) {
            throw new DomainException(ConsentErrors.CONSENT_VERSION_OUTDATED,
                    "This is not the current version of the consent; read it again.",
                    Map.of("field", "version", "currentVersion", current.version()));
        }
        ConsentAcceptance fresh = new ConsentAcceptance(patient, version, current.textSha256(), clock.instant(), clientAddress);
        ConsentAcceptance stored = store.accept(fresh);
        if (stored.equals(fresh)) { // not a repeat of an acceptance in force
            securityLog.record(patient, SecurityEventKind.CONSENT_ACCEPTED, clientAddress);
        }
        return stored;
    }

    /**
     * The patient withdraws their acceptance of the current version (LGPD art. 8 §5): until they
     * accept again, they can neither book nor join. False if none was in force.
     */
    public boolean withdraw(AccountId patient, Optional<String> clientAddress) {
        boolean withdrawn = store.withdraw(patient, current.version(), clock.instant());
        if (withdrawn) {
            securityLog.record(patient, SecurityEventKind.CONSENT_WITHDRAWN, clientAddress);
        }
        return withdrawn;
    }

    /** The patient's acceptance of the current version, if given and not withdrawn. */
    public Optional<ConsentAcceptance> currentAcceptance(AccountId patient) {
        return store.find(patient, current.version()).filter(ConsentAcceptance::inForce);
    }

    /** The patient's stored acceptance of the current version, withdrawn or not (a copy of their data shows both). */
    public Optional<ConsentAcceptance> acceptanceOfCurrentVersion(AccountId patient) {
        return store.find(patient, current.version());
    }

    /** Returns if the patient accepted the current version; {@code CONSENT_REQUIRED} otherwise. */
    public void requireCurrent(AccountId patient) {
        if (currentAcceptance(patient).isEmpty()) {
            throw consentRequired();
        }
    }

    public DomainException consentRequired() {
        return new DomainException(ConsentErrors.CONSENT_REQUIRED,
                "Accept the teleconsultation consent (teleconsultationConsent) first.",
                Map.of("version", current.version()));
    }

    /** The acceptances of the current version among these patients, by patient (batched). */
    public Map<AccountId, ConsentAcceptance> currentAcceptances(Collection<AccountId> patients) {
        Map<AccountId, ConsentAcceptance> inForce = new java.util.HashMap<>(store.findAll(patients, current.version()));
        inForce.values().removeIf(acceptance -> !acceptance.inForce());
        return inForce;
    }

    private static String read(ConsentProperties properties) {
        try (var in = properties.text().getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("The teleconsultation consent text " + properties.text() + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the teleconsultation consent text " + properties.text(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
