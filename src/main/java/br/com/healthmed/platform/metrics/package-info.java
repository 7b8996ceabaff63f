/**
 * Metrics: the business counters modules call, GraphQL request timings per operation, and which
 * observations a request pays for.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.metrics;
