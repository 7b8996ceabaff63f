package br.com.healthmed.scheduling;

/** Rescheduling, booking rules and the waitlist through the API on the embedded (in-memory) adapters. */
class InMemoryRescheduleAndWaitlistApiTest extends RescheduleAndWaitlistApiContract {}
