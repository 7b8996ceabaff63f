package br.com.healthmed.platform.events.log;

class InMemoryEventLogTest extends EventLogContract {

    private final EventLog<Noted> log = new InMemoryEventLog<>(Noted::id);

    @Override
    protected EventLog<Noted> log() {
        return log;
    }
}
