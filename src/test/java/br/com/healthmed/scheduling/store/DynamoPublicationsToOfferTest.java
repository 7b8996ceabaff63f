package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.PublicationsToOffer;
import br.com.healthmed.scheduling.PublicationsToOffer.Marker;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.support.Dynalite;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoPublicationsToOfferTest extends PublicationsToOfferContract {

    private final DynamoTable table = Dynalite.newTable();
    private final PublicationsToOffer store = new DynamoPublicationsToOffer(table);

    @Override
    protected PublicationsToOffer store() {
        return store;
    }

    @Test
    void aMarkerLivesInTheShardOfItsIdWithNoTtlToExpireBy() {
        Marker marker = new Marker(UUID.randomUUID(), List.of(SlotId.random()), NOW, 0, NOW);
        store.add(List.of(marker));

        var item = table.item(SlotKeys.publicationToOffer(marker.id().toString())).orElseThrow();
        assertThat(item.get("PK").s()).isEqualTo("PUBLISHED#" + marker.id().toString().charAt(0));
        assertThat(item).doesNotContainKey("ttl");
    }
}
