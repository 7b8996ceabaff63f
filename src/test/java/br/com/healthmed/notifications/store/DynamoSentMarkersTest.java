package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.SentMarkers;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoSentMarkersTest extends SentMarkersContract {

    private final SentMarkers markers = new DynamoSentMarkers(Dynalite.newTable());

    @Override
    protected SentMarkers markers() {
        return markers;
    }
}
