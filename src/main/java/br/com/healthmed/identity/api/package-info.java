/**
 * The GraphQL and HTTP face of identity: registration, login, sessions, passwords, second factors,
 * the caller's account and security log, and the JWKS endpoint.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.identity.api;
