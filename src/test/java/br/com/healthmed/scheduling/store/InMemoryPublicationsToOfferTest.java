package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.PublicationsToOffer;

class InMemoryPublicationsToOfferTest extends PublicationsToOfferContract {

    private final PublicationsToOffer store = new InMemoryPublicationsToOffer();

    @Override
    protected PublicationsToOffer store() {
        return store;
    }
}
