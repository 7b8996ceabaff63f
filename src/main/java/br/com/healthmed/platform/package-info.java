/**
 * Cross-cutting plumbing every business module may use: the GraphQL set-up (scalars, error
 * mapping, query limits), the security chain (bearer tokens on HTTP and WebSocket), the clock,
 * and the storage clients and key shapes of the single DynamoDB table.
 *
 * <p>It knows no business rule. Where it needs one (verifying an access token) it declares a
 * port that a business module implements.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform;
