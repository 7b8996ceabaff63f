/**
 * The GraphQL face of scheduling: agendas, appointments and their live events, booking rules,
 * meeting attendance, reviews and waitlists.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.scheduling.api;
