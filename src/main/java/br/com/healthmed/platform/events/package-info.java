/**
 * The event bus that fans events out to subscribers: in process, or over Redis pub/sub across
 * instances.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.events;
