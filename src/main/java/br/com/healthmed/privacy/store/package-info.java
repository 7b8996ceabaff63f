/**
 * Where privacy keeps data exports and deactivations: DynamoDB and in-memory adapters and their key
 * shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.privacy.store;
