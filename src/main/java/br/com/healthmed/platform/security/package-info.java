/**
 * The security chain: bearer tokens on HTTP and WebSocket, the authenticated caller, roles and the
 * ports for token verification and session revocation.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.security;
