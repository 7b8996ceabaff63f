package br.com.healthmed.records.api;

/** The records API on the embedded adapters: in-memory metadata, the local blob store. */
class InMemoryRecordsApiTest extends RecordsApiContract {}
