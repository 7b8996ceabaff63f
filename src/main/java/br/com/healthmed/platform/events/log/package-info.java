/**
 * Durable per-account event logs and the subscriptions that follow them (docs/events.md): a log port
 * ({@link br.com.healthmed.platform.events.log.EventLog}) with a DynamoDB and an in-memory adapter, the
 * opaque cursors clients resume with, and the one loop that replays a log after a cursor and then
 * goes live ({@link br.com.healthmed.platform.events.log.EventLogFeeds}). Generic over the event type:
 * each module brings its events' stable id, their item attributes, its key prefixes and its wake-up
 * topic; it knows no module's events.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.events.log;
