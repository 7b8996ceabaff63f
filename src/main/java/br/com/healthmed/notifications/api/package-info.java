/**
 * The GraphQL and HTTP face of notifications: reminder preferences, calendar files and the local
 * development mailbox.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.notifications.api;
