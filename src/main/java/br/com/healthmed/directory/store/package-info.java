/**
 * Where the directory keeps doctor profiles and search listings: DynamoDB adapters, the indexed
 * in-memory one and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.directory.store;
