package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.support.Dynalite;

/**
 * The search property on the DynamoDB adapter against dynalite: fewer, smaller data sets (each write is
 * a round trip). A cell query returns at most 4 items, so nearest-first searches split cells and read
 * partly read ones again, as they do in a dense city with the production threshold.
 */
class DynamoSearchPropertyTest extends SearchPropertyContract {

    @Override
    protected DirectoryStore newStore() {
        return new DynamoDirectoryStore(Dynalite.newTable(), 8, 4, java.time.Clock.systemUTC());
    }

    @Override
    protected int dataSets() {
        return 3;
    }

    @Override
    protected int doctorsPerSet() {
        return 120;
    }

    @Override
    protected int searchesPerSet() {
        return 15;
    }
}
