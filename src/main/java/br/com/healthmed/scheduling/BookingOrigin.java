package br.com.healthmed.scheduling;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a booking request came from, as digests only: the client's network (IPv4 address, IPv6 /64),
 * for IPv6 also its wider /48 network, and its device
 * ({@link OriginDigests}). Kept on a request while it waits for the doctor's answer, so that the doctor
 * can be warned of several requests from one network or device ({@link HoldWarnings}); dropped by the
 * first move out of {@code REQUESTED} (data minimisation: nothing about the booking's origin outlives
 * its purpose). The digests are never shown to anyone: the doctor sees only the warnings.
 */
public record BookingOrigin(Optional<String> network, Optional<String> wideNetwork, Optional<String> device) {

    /** A booking made without a request (tests, demo data): nothing to compare, nothing to count. */
    public static final BookingOrigin UNKNOWN = new BookingOrigin(Optional.empty(), Optional.empty(), Optional.empty());

    public BookingOrigin {
        Objects.requireNonNull(network);
        Objects.requireNonNull(wideNetwork);
        Objects.requireNonNull(device);
    }

    /** An origin without a wider network (IPv4, or unknown). */
    public BookingOrigin(Optional<String> network, Optional<String> device) {
        this(network, Optional.empty(), device);
    }
}
