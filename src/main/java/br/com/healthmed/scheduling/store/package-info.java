/**
 * Where scheduling keeps slots, appointments, active bookings, booking rules, waitlists, the event outbox
 * and the publications whose slots are still to offer to the waitlist: DynamoDB adapters, in-memory ones
 * and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.scheduling.store;
