/**
 * The GraphQL face of consent: the teleconsultation consent text and its acceptance.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.consent.api;
