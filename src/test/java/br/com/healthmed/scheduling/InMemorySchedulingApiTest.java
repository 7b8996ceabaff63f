package br.com.healthmed.scheduling;

/** The scheduling API on the embedded (in-memory) adapters. */
class InMemorySchedulingApiTest extends SchedulingApiContract {}
