/**
 * Where identity keeps accounts, login claims, refresh tokens, tickets, e-mail codes, second
 * factors and the security log: DynamoDB adapters, in-memory ones and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.identity.store;
