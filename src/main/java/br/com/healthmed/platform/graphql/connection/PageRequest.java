package br.com.healthmed.platform.graphql.connection;

import java.util.Optional;

/**
 * A validated page request: which way to read, how many, and from which position (exclusive). Forward is
 * {@code first}/{@code after}, in the list's own order; backward is {@code last}/{@code before}, read
 * from the position towards the list's start.
 */
public record PageRequest<P>(Direction direction, int size, Optional<P> from) {

    public enum Direction { FORWARD, BACKWARD }

    public PageRequest {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
    }

    public boolean backward() {
        return direction == Direction.BACKWARD;
    }
}
