package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;

/** The search property on the embedded adapter: many data sets, it is fast. */
class InMemorySearchPropertyTest extends SearchPropertyContract {

    @Override
    protected DirectoryStore newStore() {
        return new InMemoryDirectoryStore();
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
