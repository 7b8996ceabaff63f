package br.com.healthmed.directory;

import java.util.Optional;

/**
 * Turns a postal address into coordinates. Without a configured provider there is none
 * ({@link #available()} is false). Providers report failures as {@code DomainException}s with
 * {@code GEOCODING_FAILED} or {@code GEOCODING_BUSY}.
 */
public interface Geocoder {

    /** No provider, the default: searches need coordinates, and saved addresses stay without them. */
    Geocoder NONE = new Geocoder() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<GeoPoint> locate(String address) {
            return Optional.empty();
        }
    };

    boolean available();

    /** The coordinates of the best match in Brazil; empty when nothing matches. */
    Optional<GeoPoint> locate(String address);
}
