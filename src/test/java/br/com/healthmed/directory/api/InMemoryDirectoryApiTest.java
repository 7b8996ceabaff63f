package br.com.healthmed.directory.api;

/** The directory API on the embedded adapters. */
class InMemoryDirectoryApiTest extends DirectoryApiContract {}
