package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;

/**
 * The search property on the embedded adapter: many data sets, it is fast. Every other data set uses
 * a tiny split threshold, so that nearest-first searches read most cells as their finer cells.
 */
class InMemorySearchPropertyTest extends SearchPropertyContract {

    private int stores;

    @Override
    protected DirectoryStore newStore() {
        return ++stores % 2 == 0 ? new InMemoryDirectoryStore() : new InMemoryDirectoryStore(3);
    }

    @Override
    protected int dataSets() {
        return 40;
    }

    @Override
    protected int doctorsPerSet() {
        return 250;
    }

    @Override
    protected int searchesPerSet() {
        return 25;
    }
}
