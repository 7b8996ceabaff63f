package br.com.healthmed.consent.api;

/** The teleconsultation consent through the API on the embedded (in-memory) adapters. */
class InMemoryConsentApiTest extends ConsentApiContract {}
