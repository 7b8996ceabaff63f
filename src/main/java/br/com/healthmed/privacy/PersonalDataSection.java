package br.com.healthmed.privacy;

import java.util.Optional;

/**
 * One part of a copy of a person's data: a key of the export JSON and what goes under it, read through
 * the published API of the module that holds that data. The copy asks every such bean, in their
 * {@link org.springframework.core.annotation.Order}; a new kind of personal data (e.g. the
 * teleconsultation consents) is a new bean here, and a new key in the documented shape
 * (docs/privacy.md, "Export format"), with the format's {@code version} raised when a key changes
 * meaning.
 */
public interface PersonalDataSection {

    /** The JSON key. */
    String key();

    /**
     * What goes under the key: maps, lists, strings, numbers, booleans and nulls only; empty when this
     * part does not apply to the subject (a doctor has no health record). Files go to {@code files}.
     */
    Optional<Object> collect(DataSubject subject, ExportFiles files);
}
