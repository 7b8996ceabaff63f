package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a consultation note, never changed once stored: version 1 is the note as written,
 * each amendment a later version with its reason. Who wrote it is copied in (name and CRM/UF at the
 * time), so the record reads as signed even if the doctor's profile changes later.
 */
public record NoteVersion(int version, NoteContent content, Optional<String> amendReason, AccountId author,
                          String authorName, String authorCrm, Instant at) {

    public NoteVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(content);
        Objects.requireNonNull(amendReason);
        Objects.requireNonNull(author);
        Objects.requireNonNull(authorName);
        Objects.requireNonNull(authorCrm);
        Objects.requireNonNull(at);
    }

    /** Whether {@code other} says the same (a retried request, not a second change). */
    boolean sameAs(NoteContent otherContent, Optional<String> otherReason, AccountId otherAuthor) {
        return content.equals(otherContent) && amendReason.equals(otherReason) && author.equals(otherAuthor);
    }
}
