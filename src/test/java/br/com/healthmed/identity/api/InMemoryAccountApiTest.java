package br.com.healthmed.identity.api;

/** Account self-service through the API on the embedded (in-memory) adapters. */
class InMemoryAccountApiTest extends AccountApiContract {}
