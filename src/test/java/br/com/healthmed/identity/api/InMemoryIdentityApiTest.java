package br.com.healthmed.identity.api;

/** The identity API on the embedded (in-memory) adapters. */
class InMemoryIdentityApiTest extends IdentityApiContract {}
