package br.com.healthmed.telehealth;

import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/** When one participant obtained their join link to a room: the first time and the latest. */
@NamedInterface("api")
public record JoinLinks(Instant first, Instant last) {

    public JoinLinks {
        Objects.requireNonNull(first);
        Objects.requireNonNull(last);
    }
}
