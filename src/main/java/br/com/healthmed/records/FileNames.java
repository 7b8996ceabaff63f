package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.text.Normalizer;

/** File and group names as people type them, made safe to show and to put in a header. */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {}

    /**
     * The name without control or invisible formatting characters (bidi overrides could make
     * "exe.pdf" read as "fdp.exe") and without a path (only what follows the last slash or backslash),
     * NFC-normalised and trimmed; refused when nothing is left or it is too long.
     */
    static String fileName(String raw, String field) {
        String name = clean(raw == null ? "" : raw);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A file name is needed.");
        }
        if (name.length() > MAX_LENGTH) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A file name has at most " + MAX_LENGTH + " characters.");
        }
        return name;
    }

    static String groupName(String raw, String field) {
        String name = clean(raw == null ? "" : raw).strip();
        if (name.isEmpty() || name.length() > 80) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "A group name has 1 to 80 characters.");
        }
        return name;
    }

    private static String clean(String raw) {
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints()
                .filter(cp -> {
                    int type = Character.getType(cp);
                    return type != Character.CONTROL && type != Character.FORMAT
                            && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
                })
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
