/**
 * The GraphQL face of privacy: data export, deactivation and reactivation.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.privacy.api;
