package br.com.healthmed.platform.ratelimit;

class InMemoryRateCountersTest extends RateCountersContract {

    private final InMemoryRateCounters counters = new InMemoryRateCounters(clock);

    @Override
    protected RateCounters counters() {
        return counters;
    }
}
