package br.com.healthmed.identity.api;

/** Registration without account enumeration, on the embedded (in-memory) adapters. */
class InMemoryRegistrationEnumerationApiTest extends RegistrationEnumerationApiContract {}
