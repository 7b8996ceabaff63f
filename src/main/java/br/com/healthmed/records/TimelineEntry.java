package br.com.healthmed.records;

import br.com.healthmed.platform.storage.TimePositions;
import java.time.Instant;
import java.util.UUID;

/** One entry of a record's timeline: a file (the patient's own, or a document a doctor issued) or a consultation note. */
public sealed interface TimelineEntry {

    Instant at();

    UUID id();

    /** Where the entry stands in the timeline (newest first): {@link TimePositions} of its instant and id. */
    default String position() {
        return TimePositions.of(at(), id());
    }

    TimelineKind kind();

    record FileEntry(RecordFile file) implements TimelineEntry {
        @Override
        public Instant at() {
            return file.availableAt().orElseThrow();
        }

        @Override
        public UUID id() {
            return file.id().value();
        }

        @Override
        public TimelineKind kind() {
            return file.isIssued() ? TimelineKind.DOCUMENT : TimelineKind.FILE;
        }
    }

    record NoteEntry(ConsultationNote note) implements TimelineEntry {
        @Override
        public Instant at() {
            return note.createdAt();
        }

        @Override
        public UUID id() {
            return note.id().value();
        }

        @Override
        public TimelineKind kind() {
            return TimelineKind.NOTE;
        }
    }
}
