/**
 * Business metrics and the observation set-up of GraphQL requests.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.metrics;
