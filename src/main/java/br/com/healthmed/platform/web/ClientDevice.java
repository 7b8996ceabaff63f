package br.com.healthmed.platform.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a request says about the device it came from, as the GraphQL context value {@link #CONTEXT_KEY}:
 * the {@code X-Device-Id} header (an id the app makes once per installation) and the {@code User-Agent}.
 * Both are set by the client and prove nothing; they serve only to count requests from one device
 * across accounts, never to identify anyone.
 */
public record ClientDevice(Optional<String> deviceId, Optional<String> userAgent) {

    public static final String CONTEXT_KEY = "clientDevice";

    public static final String DEVICE_ID_HEADER = "X-Device-Id";

    /** Longer values are cut: a header is no place for a novel, and the digest needs no more. */
    static final int MAX_LENGTH = 200;

    public static final ClientDevice UNKNOWN = new ClientDevice(Optional.empty(), Optional.empty());

    static ClientDevice of(@Nullable String deviceId, @Nullable String userAgent) {
        return new ClientDevice(clean(deviceId), clean(userAgent));
    }

    private static Optional<String> clean(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        return Optional.of(stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped);
    }
}
