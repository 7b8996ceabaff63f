package br.com.healthmed.records.api;

/** Retry safety and the reconcilers of the records API on the in-memory adapters. */
class InMemoryRetrySafetyApiTest extends RetrySafetyApiContract {}
