package br.com.healthmed.scheduling;

/** The booking races on the embedded (in-memory) adapters. */
class InMemoryBookingRaceTest extends BookingRaceContract {}
