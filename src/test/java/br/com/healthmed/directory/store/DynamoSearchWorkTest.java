package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.support.Dynalite;
import java.util.EnumSet;
import java.util.Set;

/** On dynalite, counted by the queries' ScannedCount; RATING and PRICE still read the circle (GSI1 has no rank order). */
class DynamoSearchWorkTest extends SearchWorkContract {

    @Override
    protected DirectoryStore newStore() {
        return new DynamoDirectoryStore(Dynalite.newTable(), 8, java.time.Clock.systemUTC());
    }

    @Override
    protected long itemsRead(DirectoryStore store) {
        return ((DynamoDirectoryStore) store).itemsRead();
    }

    @Override
    protected int doctors() {
        return 1_500;
    }

    @Override
    protected Set<SearchSort> sortsReadingLess() {
        return EnumSet.of(SearchSort.DISTANCE);
    }
}
