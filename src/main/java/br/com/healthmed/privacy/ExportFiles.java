package br.com.healthmed.privacy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files a copy carries besides its JSON, as sections add them: a path inside the ZIP and a way to
 * open the bytes when the archive is written (empty if they are gone by then; the JSON's manifest lists
 * only what was written).
 */
public final class ExportFiles {

    /** One file of the archive. */
    public record Entry(String path, Supplier<Optional<InputStream>> content) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a file under {@code path} (which the adding section makes unique); returns the path. */
    public String add(String path, Supplier<Optional<InputStream>> content) {
        entries.add(new Entry(path, content));
        return path;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
