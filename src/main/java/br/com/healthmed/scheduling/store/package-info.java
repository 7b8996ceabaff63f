/**
 * Where scheduling keeps slots, appointments, active bookings, booking rules, waitlists and the
 * event outbox: DynamoDB adapters, in-memory ones and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.scheduling.store;
