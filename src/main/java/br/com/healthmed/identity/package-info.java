/**
 * Accounts and how their owners prove who they are: patient and doctor registration, login by
 * e-mail, CPF or CRM, access tokens (JWT) and rotating refresh tokens, and the value objects for
 * Brazilian identifiers (CPF, CRM). The owner's self-service: e-mail verification and change,
 * corrections, the security log and the privacy notice (docs/account.md).
 *
 * <p>Other modules use {@link br.com.healthmed.identity.AccountDirectory} to read accounts (and to
 * require a verified patient), and record what they do for an account in
 * {@link br.com.healthmed.identity.SecurityLog}; the security chain uses the
 * {@link br.com.healthmed.platform.security.AccessTokenVerifier} this module provides. The e-mails it
 * needs go through {@link br.com.healthmed.identity.AccountMessages}, which the notifications module
 * implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"platform", "specialty :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.identity;
