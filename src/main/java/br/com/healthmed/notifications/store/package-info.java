/**
 * Where notifications keeps preferences, reminders and sent markers: DynamoDB adapters, in-memory
 * ones and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.notifications.store;
