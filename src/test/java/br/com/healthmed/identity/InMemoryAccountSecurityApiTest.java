package br.com.healthmed.identity;

/** Passwords and two-factor login through the API on the embedded (in-memory) adapters. */
class InMemoryAccountSecurityApiTest extends AccountSecurityApiContract {}
