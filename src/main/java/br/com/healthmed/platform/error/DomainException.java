package br.com.healthmed.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client can act on. Its message is written for the client; the code goes to
 * {@code extensions.code}, and {@link #extensions()} to further extension entries.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, Object> extensions) {
        super(message, null, false, false); // a client error: no stack trace needed
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    /** A validation failure of one input field, named as the client wrote it (e.g. {@code input.cpf}). */
    public static DomainException invalid(ErrorCode code, String field, String message) {
        return new DomainException(code, message, Map.of("field", field));
    }

    public static DomainException notFound(String what) {
        return new DomainException(PlatformErrors.NOT_FOUND, what + " not found");
    }

    public ErrorCode code() {
        return code;
    }

    /** Everything that goes into the GraphQL error's extensions, code included. */
    public Map<String, Object> extensions() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code.name());
        all.putAll(extensions);
        return all;
    }
}
