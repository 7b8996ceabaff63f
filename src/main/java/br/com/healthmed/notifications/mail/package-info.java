/**
 * The mailers: Amazon SES v2, and the embedded in-memory outbox.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.notifications.mail;
