package br.com.healthmed.privacy;

/** The LGPD operations through the API on the embedded adapters (in-memory metadata, the local blob store). */
class InMemoryPrivacyApiTest extends PrivacyApiContract {}
