package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.SearchSort;
import java.util.EnumSet;
import java.util.Set;

class InMemorySearchWorkTest extends SearchWorkContract {

    @Override
    protected DirectoryStore newStore() {
        return new InMemoryDirectoryStore();
    }

    @Override
    protected long itemsRead(DirectoryStore store) {
        return ((InMemoryDirectoryStore) store).listingsRead();
    }

    @Override
    protected int doctors() {
        return 8_000;
    }

    @Override
    protected Set<SearchSort> sortsReadingLess() {
        return EnumSet.allOf(SearchSort.class);
    }
}
