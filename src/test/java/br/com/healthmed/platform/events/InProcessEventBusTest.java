package br.com.healthmed.platform.events;

class InProcessEventBusTest extends EventBusContract {

    private final EventBus bus = new InProcessEventBus();

    @Override
    protected EventBus bus() {
        return bus;
    }
}
