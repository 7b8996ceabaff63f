package br.com.healthmed.directory.geocoding;

import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geocoder;
import java.util.Optional;

/** The default: no geocoding provider. Searches need coordinates; saved addresses stay without them. */
class NoGeocoder implements Geocoder {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public Optional<GeoPoint> locate(String address) {
        return Optional.empty();
    }
}
