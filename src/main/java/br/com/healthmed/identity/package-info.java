/**
 * Accounts and how their owners prove who they are: patient and doctor registration, login by
 * e-mail, CPF or CRM, access tokens (JWT) and rotating refresh tokens, and the value objects for
 * Brazilian identifiers (CPF, CRM).
 *
 * <p>Other modules use {@link br.com.healthmed.identity.AccountDirectory} to read accounts; the
 * security chain uses the {@link br.com.healthmed.platform.security.AccessTokenVerifier} this module
 * provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package br.com.healthmed.identity;
