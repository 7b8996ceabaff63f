package br.com.healthmed.identity.store;

class InMemoryRegistrationConcurrencyTest extends RegistrationConcurrencyContract {

    @Override
    protected long loginClaimCount() {
        return ((InMemoryLoginClaimStore) claims).size();
    }
}
