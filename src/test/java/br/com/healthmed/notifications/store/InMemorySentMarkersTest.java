package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.SentMarkers;

class InMemorySentMarkersTest extends SentMarkersContract {

    private final SentMarkers markers = new InMemorySentMarkers();

    @Override
    protected SentMarkers markers() {
        return markers;
    }
}
