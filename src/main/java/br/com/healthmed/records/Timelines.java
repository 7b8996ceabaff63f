package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * A record's one timeline: files, issued documents and consultation notes together, newest first,
 * optionally of one kind or one consultation; for the patient (everything) or for a doctor (what the
 * doctor's active shares cover now, and what the doctor wrote or issued).
 *
 * <p>Two ordered sources are merged (files with documents, and notes; both sorted by {@link TimePositions}), each
 * read a page at a time after the cursor; an entry is taken only while no unread entry of either source can
 * come before it. Reads are proportional to the page: each round reads at most {@code first + 1} entries of
 * each source, and a doctor's view, which skips what is not shared, stops after {@link #MAX_SCANNED} entries
 * with a cursor to go on from.
 */
@Service
public class Timelines {

    static final int MAX_SCANNED = 200;

    private final HealthRecordStore files;
    private final ConsultationNoteStore notes;
    private final Clock clock;

    Timelines(HealthRecordStore files, ConsultationNoteStore notes, Clock clock) {
        this.files = files;
        this.notes = notes;
        this.clock = clock;
    }

    /** What to list. */
    public record Filter(Optional<TimelineKind> kind, Optional<AppointmentId> appointment) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty());
    }

    /** The patient's own timeline: everything in it. */
    public Page<TimelineEntry> ofPatient(AccountId patient, Filter filter, int first, Optional<String> after) {
        return page(patient, filter, first, after, entry -> true);
    }

    /** The patient's timeline as {@code doctor} sees it through {@code shared}'s grants, checked now. */
    public Page<TimelineEntry> asSharedWith(SharedRecord shared, AccountId doctor, Filter filter, int first, Optional<String> after) {
        Instant now = clock.instant();
        List<Grant> grants = shared.grants();
        return page(shared.patient(), filter, first, after, entry -> {
            if (entry instanceof TimelineEntry.FileEntry file) {
                return file.file().issuedBy(doctor) || grants.stream().anyMatch(grant -> grant.lets(doctor, file.file(), now));
            }
            ConsultationNote note = ((TimelineEntry.NoteEntry) entry).note();
            return note.doctor().equals(doctor) || grants.stream().anyMatch(grant -> grant.lets(doctor, note, now));
        });
    }

    private Page<TimelineEntry> page(AccountId patient, Filter filter, int first, Optional<String> after,
                                     Predicate<TimelineEntry> visible) {
        boolean wantFiles = filter.kind().map(kind -> kind != TimelineKind.NOTE).orElse(true);
        boolean wantNotes = filter.kind().map(kind -> kind == TimelineKind.NOTE).orElse(true);
        HealthRecordStore.FileFilter fileFilter = new HealthRecordStore.FileFilter(Optional.empty(), Optional.empty(),
                filter.kind().filter(kind -> kind != TimelineKind.NOTE).map(kind -> kind == TimelineKind.DOCUMENT),
                filter.appointment());
        List<TimelineEntry> taken = new ArrayList<>();
        Optional<String> cursor = after;
        int scanned = 0;
        while (true) {
            int wanted = first - taken.size() + 1;
            Page<TimelineEntry> fromFiles = wantFiles ? files(patient, fileFilter, wanted, cursor) : Page.empty();
            Page<TimelineEntry> fromNotes = wantNotes ? notes(patient, filter.appointment(), wanted, cursor) : Page.empty();
            List<TimelineEntry> merged = merge(fromFiles, fromNotes);
            if (merged.isEmpty()) {
                return new Page<>(taken, Optional.empty());
            }
            for (TimelineEntry entry : merged) {
                if (taken.size() == first) {
                    return new Page<>(taken, cursor);
                }
                cursor = Optional.of(entry.position());
                scanned++;
                if (visible.test(entry)) {
                    taken.add(entry);
                }
                if (scanned >= MAX_SCANNED) {
                    return new Page<>(taken, cursor);
                }
            }
            if (fromFiles.next().isEmpty() && fromNotes.next().isEmpty()) {
                return new Page<>(taken, Optional.empty());
            }
        }
    }

    /**
     * Both sources' entries newest first, cut where a source that has more stops: past that point an
     * unread entry of it could come before what the other source returned.
     */
    private static List<TimelineEntry> merge(Page<TimelineEntry> a, Page<TimelineEntry> b) {
        List<TimelineEntry> merged = new ArrayList<>(a.items().size() + b.items().size());
        merged.addAll(a.items());
        merged.addAll(b.items());
        merged.sort((x, y) -> y.position().compareTo(x.position()));
        String stop = null;
        for (Page<TimelineEntry> source : List.of(a, b)) {
            if (source.next().isPresent() && !source.items().isEmpty()) {
                String last = source.items().get(source.items().size() - 1).position();
                stop = stop == null || last.compareTo(stop) > 0 ? last : stop;
            }
        }
        if (stop == null) {
            return merged;
        }
        String boundary = stop;
        return merged.stream().filter(entry -> entry.position().compareTo(boundary) >= 0).toList();
    }

    private Page<TimelineEntry> files(AccountId patient, HealthRecordStore.FileFilter filter, int limit, Optional<String> after) {
        Page<RecordFile> page = files.availableFiles(patient, filter, limit, after);
        return new Page<>(page.items().stream().<TimelineEntry>map(TimelineEntry.FileEntry::new).toList(), page.next());
    }

    private Page<TimelineEntry> notes(AccountId patient, Optional<AppointmentId> appointment, int limit, Optional<String> after) {
        if (appointment.isPresent()) {
            // A consultation has at most one note: read it by its id.
            return new Page<>(notes.note(NoteId.of(appointment.get())).filter(note -> note.patient().equals(patient))
                    .<TimelineEntry>map(TimelineEntry.NoteEntry::new)
                    .filter(entry -> after.map(position -> entry.position().compareTo(position) < 0).orElse(true))
                    .stream().toList(), Optional.empty());
        }
        Page<ConsultationNote> page = notes.notesOf(patient, limit, after);
        return new Page<>(page.items().stream().<TimelineEntry>map(TimelineEntry.NoteEntry::new).toList(), page.next());
    }
}
