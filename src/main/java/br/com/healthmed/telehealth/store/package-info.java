/**
 * Where telehealth keeps meeting attendance (when each participant obtained a join link): DynamoDB
 * and in-memory adapters.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.telehealth.store;
