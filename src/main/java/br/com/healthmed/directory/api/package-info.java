/**
 * The GraphQL face of the directory: doctor profiles and the doctor search.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.directory.api;
