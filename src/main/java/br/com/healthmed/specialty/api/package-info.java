/**
 * The GraphQL face of the specialty list.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.specialty.api;
