package br.com.healthmed.notifications;

/** Notifications through the API on the embedded (in-memory) adapters. */
class InMemoryNotificationsApiTest extends NotificationsApiContract {}
