/**
 * HTTP and WebSocket plumbing: client address, device and connection, trusted proxies, correlation
 * ids, the media type of GraphQL answers and the one writer of answers to requests that were not executed
 * ({@code ErrorResponses}, also behind the error page), GraphiQL and WebSocket draining.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.web;
