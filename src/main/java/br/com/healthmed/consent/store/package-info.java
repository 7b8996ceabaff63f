/**
 * Where consent keeps patients' acceptances: DynamoDB and in-memory adapters and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.consent.store;
