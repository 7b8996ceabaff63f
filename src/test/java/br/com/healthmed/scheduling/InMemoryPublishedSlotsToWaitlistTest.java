package br.com.healthmed.scheduling;

/** Newly published slots reach the waitlist at least once, on the embedded (in-memory) adapters. */
class InMemoryPublishedSlotsToWaitlistTest extends PublishedSlotsToWaitlistContract {}
