/**
 * Notifications: tells patients and doctors by e-mail what changed in their appointments (Brazilian
 * Portuguese, text and HTML, with an RFC 5545 calendar invite for confirmed consultations), reminds
 * both before a consultation, and keeps each person's reminder preferences.
 *
 * <p>It consumes scheduling's durable appointment events through
 * {@link br.com.healthmed.scheduling.AppointmentEventListener}; scheduling does not know it exists.
 * Every e-mail goes through the {@link br.com.healthmed.notifications.Mailer} port (Amazon SES v2 in
 * production, an in-memory outbox locally) after a conditional "sent" marker per event and recipient,
 * so a redelivered event never sends a second e-mail. No clinical detail ever reaches an e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"directory :: api", "identity :: api", "platform", "records :: api", "scheduling :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.notifications;
